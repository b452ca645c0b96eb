"""Choice widgets written in Python, and whose vocabulary names may be the German fallback.

Django renders every option of a select, radio or checkbox list through two or three template includes: the guide's
form, with about a hundred options, took 25 ms to render that way, on its result page too. These widgets write the
markup of Django's templates from the same context (get_context: the ids, the chosen options), one escape per value.

A field's label_from_instance returns a multilingual.text.Text; the Marked widgets mark a German fallback on the
<option> itself or around the text of a radio button's or checkbox's label, so screen readers read it in German.
"""

from django import forms
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from multilingual.templatetags.multilingual import lang_attrs, marked


def attributes(attrs: dict) -> str:
    """Django's attrs.html: ` name="value"` for each attribute, the name alone for True, nothing for False; in the
    dict's order (forms.utils.flatatt() sorts them, which would change the markup)."""
    return "".join(_attribute(name, value) for name, value in attrs.items() if value is not False)


def _attribute(name: str, value) -> str:
    name = conditional_escape(name)
    return f" {name}" if value is True else f' {name}="{conditional_escape(value)}"'


def _text(value) -> str:
    """A label as the template language shows it: localised, then escaped."""
    return conditional_escape(localize(value))


class PythonChoiceWidget:
    """Renders get_context()'s widget with html() instead of the template; `mark` marks German fallback labels."""

    mark = False
    # How the template writes an option group's start and end and each option (options_html()).
    group_start = group_end = option_line = ""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        # Every value escaped; stripped as Django's form renderer strips a rendered template.
        return mark_safe(self.html(widget).strip())  # noqa: S308

    def label(self, option: dict) -> str:
        return marked(option["label"]) if self.mark else _text(option["label"])

    def options_html(self, optgroups) -> str:
        parts = []
        for group, options, _index in optgroups:
            if group:
                parts.append(self.group_start.format(label=_text(group)))
            parts += [self.option_line.format(option=self.option(option)) for option in options]
            if group:
                parts.append(self.group_end)
        return "".join(parts)


class FastSelect(PythonChoiceWidget, forms.Select):
    """forms.Select: select.html with select_option.html for each option."""

    group_start, group_end, option_line = '\n  <optgroup label="{label}">', "\n  </optgroup>", "\n  {option}\n"

    def html(self, widget: dict) -> str:
        start = f'<select name="{conditional_escape(widget["name"])}"{attributes(widget["attrs"])}>'
        return f"{start}{self.options_html(widget['optgroups'])}\n</select>\n"

    def option(self, option: dict) -> str:
        marks = lang_attrs(option["label"]) if self.mark else ""
        value = conditional_escape(f"{option['value']}")
        return f'<option value="{value}"{attributes(option["attrs"])}{marks}>{_text(option["label"])}</option>'


class FastSelectMultiple(FastSelect, forms.SelectMultiple):
    pass


class FastInputList(PythonChoiceWidget):
    """forms.RadioSelect and CheckboxSelectMultiple: multiple_input.html with input_option.html for each option."""

    group_start, group_end, option_line = "\n  <div><label>{label}</label>", "\n  </div>", "<div>\n    {option}</div>"

    def html(self, widget: dict) -> str:
        attrs = widget["attrs"]
        id_ = f' id="{conditional_escape(attrs["id"])}"' if attrs.get("id") else ""
        class_ = f' class="{conditional_escape(attrs["class"])}"' if attrs.get("class") else ""
        return f"<div{id_}{class_}>{self.options_html(widget['optgroups'])}\n</div>\n"

    def option(self, option: dict) -> str:
        attrs = option["attrs"]
        value = "" if option["value"] is None else f' value="{conditional_escape(f"{option['value']}")}"'
        name = conditional_escape(option["name"])
        field = f'<input type="{option["type"]}" name="{name}"{value}{attributes(attrs)}>\n'  # as input.html ends
        if option["wrap_label"]:
            label_for = f' for="{conditional_escape(attrs["id"])}"' if attrs.get("id") else ""
            field = f"<label{label_for}>{field} {self.label(option)}</label>"
        # input_option.html ends with a line break; Django's radio_option.html and checkbox_option.html, which include
        # it, add another (the marked widgets use input_option.html directly).
        return field + ("\n" if self.mark else "\n\n")


class FastRadioSelect(FastInputList, forms.RadioSelect):
    pass


class FastCheckboxSelectMultiple(FastInputList, forms.CheckboxSelectMultiple):
    pass


# The option templates mark the same way where a template renders one option (a choice's tag in a loop).
class MarkedSelect(FastSelect):
    mark = True
    option_template_name = "multilingual/widgets/select_option.html"


class MarkedSelectMultiple(FastSelectMultiple):
    mark = True
    option_template_name = "multilingual/widgets/select_option.html"


class MarkedRadioSelect(FastRadioSelect):
    mark = True
    option_template_name = "multilingual/widgets/input_option.html"


class MarkedCheckboxSelectMultiple(FastCheckboxSelectMultiple):
    mark = True
    option_template_name = "multilingual/widgets/input_option.html"
