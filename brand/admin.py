from django import forms
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from . import permissions
from .fields import ColourField
from .forms import SiteSettingsForm
from .models import SOCIAL_NETWORKS, SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(TranslationAdmin):
    """One row, one page: the list goes straight to it, nothing is added or deleted. Who may
    change which fields is brand.permissions' answer; the fields they may not are read-only
    here, so the form never takes their values."""

    form = SiteSettingsForm
    # The browser's colour picker; it sends #rrggbb, which ColourField checks again.
    formfield_overrides = {
        ColourField: {"widget": forms.TextInput(attrs={"type": "color"})},
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 60})},
    }
    fieldsets = [
        (_("Logo and icon"), {"fields": ["logo", "icon"]}),
        (_("Colours"), {"fields": ["primary_colour", "secondary_colour", "highlight_colour"]}),
        (_("Social profiles"), {"fields": list(SOCIAL_NETWORKS)}),
        (_("Advertising and footer"), {"fields": ["advertising_email", "footer_lines"]}),
        (_("Home page video"), {"fields": ["video_address", "video_title"]}),
    ]

    def _editable(self, request):
        fields = flatten_fieldsets(self.get_fieldsets(request))
        return permissions.editable_fields(request.user, fields)

    def has_module_permission(self, request):
        return permissions.may_choose_video(request.user)

    def has_view_permission(self, request, obj=None):
        return permissions.may_choose_video(request.user)

    def has_change_permission(self, request, obj=None):
        return bool(self._editable(request))

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        editable = self._editable(request)
        return [
            name
            for name in flatten_fieldsets(self.get_fieldsets(request, obj))
            if name not in editable
        ]

    def get_object(self, request, object_id, from_field=None):
        return SiteSettings.load()

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            return super().changelist_view(request, extra_context)  # refuses, as for any model
        return redirect(reverse("admin:brand_sitesettings_change", args=[SiteSettings.SINGLETON]))
