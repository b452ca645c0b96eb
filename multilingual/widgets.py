"""Choice widgets whose vocabulary names may be the German fallback: such an option carries lang="de" dir="ltr".

A field's label_from_instance returns a multilingual.text.Text; these widgets mark it on the <option> itself or
around the text of a radio button's or checkbox's label, so screen readers read the German name in German.
"""

from django import forms


class MarkedSelect(forms.Select):
    option_template_name = "multilingual/widgets/select_option.html"


class MarkedSelectMultiple(forms.SelectMultiple):
    option_template_name = "multilingual/widgets/select_option.html"


class MarkedRadioSelect(forms.RadioSelect):
    option_template_name = "multilingual/widgets/input_option.html"


class MarkedCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    option_template_name = "multilingual/widgets/input_option.html"
