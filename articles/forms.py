from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Category
from .search import clean_query


class SearchForm(forms.Form):
    # No max_length: an over-long query is shortened, not refused.
    q = forms.CharField(label=_("Search for"), required=False)
    category = forms.ModelChoiceField(
        label=_("Section"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All sections"),
        error_messages={"invalid_choice": _("There is no such section; choose one from the list.")},
    )

    def clean_q(self):
        return clean_query(self.cleaned_data["q"])
