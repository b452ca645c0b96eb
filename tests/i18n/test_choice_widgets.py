"""The choice widgets written in Python (multilingual.widgets) give the very markup of Django's widget templates:
each is compared with the template rendering of the same widget, for chosen and unchosen options, escaped values,
option groups, boolean attributes, lazy labels and German fallbacks on a page in another language."""

import pytest
from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy

from multilingual import widgets
from multilingual.text import Text

CHOICES = [
    ("a&b", Text("Fischerei <Küste>", "de")),
    ("gastro", Text("Hospitality", "en")),
    ("lazy", gettext_lazy("kostenlos")),
    (7, "Sieben"),
    ("Gruppe „Bau“", [("hoch", "Hochbau"), ("tief", Text("Tiefbau", "de"))]),
]
WIDGETS = [
    (widgets.FastSelect, forms.Select),
    (widgets.FastSelectMultiple, forms.SelectMultiple),
    (widgets.FastRadioSelect, forms.RadioSelect),
    (widgets.FastCheckboxSelectMultiple, forms.CheckboxSelectMultiple),
    (widgets.MarkedSelect, forms.Select),
    (widgets.MarkedSelectMultiple, forms.SelectMultiple),
    (widgets.MarkedRadioSelect, forms.RadioSelect),
    (widgets.MarkedCheckboxSelectMultiple, forms.CheckboxSelectMultiple),
]
VALUES = [None, "a&b", ["gastro", "tief"], 7]
ATTRS = [None, {"id": "id_feld", "class": "wide", "required": True, "disabled": False, "data-x": 'say "hi"'}]


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("attrs", ATTRS)
@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize(("fast", "django_widget"), WIDGETS, ids=[fast.__name__ for fast, _ in WIDGETS])
def test_python_rendering_is_the_template_rendering(fast, django_widget, value, attrs, language):
    widget = fast(choices=CHOICES)
    with translation.override(language):
        written = widget.render("feld", value, attrs=attrs)
        by_templates = django_widget.render(widget, "feld", value, attrs=attrs)  # the templates, with its options'
    assert written == by_templates


def test_a_german_fallback_is_marked_on_an_english_page_and_a_plain_widget_marks_nothing():
    with translation.override("en"):
        marked = widgets.MarkedRadioSelect(choices=CHOICES).render("feld", None)
        plain = widgets.FastRadioSelect(choices=CHOICES).render("feld", None)
    assert '<span lang="de" dir="ltr">Fischerei &lt;Küste&gt;</span></label>' in marked
    assert "\n Hospitality</label>" in marked
    assert "\n Fischerei &lt;Küste&gt;</label>" in plain
