from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from modeltranslation.admin import TranslationAdmin

from .models import Author


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        full_name = user.get_full_name()
        return f"{full_name} ({user.username})" if full_name else user.username


@admin.register(Author)
class AuthorAdmin(TranslationAdmin):
    list_display = ["name", "job_title", "user", "email"]
    search_fields = ["name", "job_title", "email"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["user"]
    # Staff's personal data: for those who manage profiles (editors, admins), not writers.
    PERSONAL = ("user", "email")

    def _sees_personal_data(self, request):
        return request.user.has_perm("authors.change_author")

    def get_list_display(self, request):
        shown = super().get_list_display(request)
        return (
            shown
            if self._sees_personal_data(request)
            else [name for name in shown if name not in self.PERSONAL]
        )

    def get_search_fields(self, request):
        shown = super().get_search_fields(request)
        return (
            shown
            if self._sees_personal_data(request)
            else [name for name in shown if name not in self.PERSONAL]
        )

    def get_exclude(self, request, obj=None):
        if self._sees_personal_data(request):
            return super().get_exclude(request, obj)
        return [*(super().get_exclude(request, obj) or ()), *self.PERSONAL]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Editors manage bylines without seeing the user admin (which holds every account's
        # personal data), so the login is chosen from active staff rather than an autocomplete.
        if db_field.name == "user":
            staff = get_user_model().objects.filter(is_staff=True, is_active=True)
            kwargs["queryset"] = staff.order_by("first_name", "last_name", "username")
            kwargs["form_class"] = StaffChoiceField
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
