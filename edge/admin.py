"""Purges in the admin: what was sent to the edge and what is still waiting, and a form for an
operator to purge addresses, tags or everything."""

from django import forms
from django.contrib import admin, messages
from django.core.validators import URLValidator
from django.db.models import Q
from django.utils import timezone

from .models import Purge
from .services import purge_enqueue


class PurgeForm(forms.ModelForm):
    urls = forms.CharField(
        label="Addresses",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Full addresses, one a line (https://news.example/2026/12/03/budget/).",
    )
    tags = forms.CharField(
        required=False,
        help_text="Tags separated by spaces, as pages carry them (edition:si site).",
    )

    class Meta:
        model = Purge
        fields = ["urls", "tags", "everything"]

    def clean_urls(self):
        urls = self.cleaned_data["urls"].split()
        validate = URLValidator(schemes=["http", "https"])
        for url in urls:
            validate(url)
        return urls

    def clean_tags(self):
        return sorted(set(self.cleaned_data["tags"].split()))

    def clean(self):
        data = super().clean()
        if not (data.get("urls") or data.get("tags") or data.get("everything")):
            raise forms.ValidationError("Give addresses or tags to purge, or tick Everything.")
        return data


@admin.register(Purge)
class PurgeAdmin(admin.ModelAdmin):
    form = PurgeForm
    list_display = ["__str__", "requested_at", "requested_by", "attempts", "sent_at", "last_error"]
    list_filter = [("sent_at", admin.EmptyFieldListFilter), "everything"]
    date_hierarchy = "requested_at"
    actions = ["send_again"]

    def has_change_permission(self, request, obj=None):
        return False  # a purge is a record of what was asked; a new one is a new purge

    def save_model(self, request, obj, form, change):
        obj.requested_by = request.user
        obj.save()
        purge_enqueue(purge=obj)

    def response_add(self, request, obj, post_url_continue=None):
        messages.success(request, f"Purge queued: {obj}. It is sent within seconds.")
        return self.response_post_save_add(request, obj)

    @admin.action(description="Send again (purges still waiting)", permissions=["add"])
    def send_again(self, request, queryset):
        # Those waiting for their next try go now; a scheduled one keeps its time.
        now = timezone.now()
        waiting = queryset.pending().filter(Q(due_at__lte=now) | Q(attempts__gt=0))
        count = waiting.update(due_at=now)
        if count:
            purge_enqueue(purge=waiting.first())
        messages.info(request, f"{count} purges queued to be sent again.")
