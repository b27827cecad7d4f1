from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseBadRequest
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from audit.models import Event
from audit.services import event_record

from .models import Enquiry, EnquiryNote
from .services import enquiries_resend, enquiries_write_csv, enquiry_reopen


class EnquiryNoteInline(admin.TabularInline):
    model = EnquiryNote
    fields = ["text", "author", "created_at"]
    readonly_fields = ["author", "created_at"]
    extra = 1
    can_delete = False


class NotifiedFilter(admin.SimpleListFilter):
    title = _("e-mails")
    parameter_name = "emailed"

    def lookups(self, request, model_admin):
        return [
            ("failed", _("Failed: re-send needed")),
            ("no", _("Not all sent")),
            ("yes", _("All sent")),
        ]

    def queryset(self, request, queryset):
        unnotified = queryset.unnotified()
        if self.value() == "failed":
            return queryset.notification_failed()
        if self.value() == "no":
            return unnotified
        if self.value() == "yes":
            return queryset.exclude(pk__in=unnotified.values("pk"))
        return queryset


REOPEN = "reopen"


class EnquiryAdminForm(forms.ModelForm):
    move_to = forms.ChoiceField(label=_("Move to"), required=False)

    class Meta:
        model = Enquiry
        fields = ["owner"]

    user = None  # set by EnquiryAdmin.get_form

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["move_to"].choices = [("", _("Keep as it is"))] + [
            (status, Enquiry.Status(status).label) for status in self.instance.allowed_moves()
        ]
        reopenable = self.instance.status in Enquiry.REOPENABLE
        if (
            reopenable
            and self.user is not None
            and self.user.has_perm("advertising.reopen_enquiry")
        ):
            self.fields["move_to"].choices += [(REOPEN, _("Reopen (back to proposal sent)"))]


def _csv_response(queryset) -> HttpResponse:
    event_record(action=Event.Action.ENQUIRIES_EXPORTED, detail=f"{queryset.count()} enquiries")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"enquiries-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    enquiries_write_csv(queryset=queryset, out=response)
    return response


@admin.register(Enquiry)
class EnquiryAdmin(admin.ModelAdmin):
    """The sales pipeline: shown only to users with the enquiry permissions (the Sales group)."""

    form = EnquiryAdminForm
    list_display = [
        "received_at",
        "name",
        "organisation",
        "interest",
        "budget",
        "status",
        "owner",
        "emailed",
    ]
    list_filter = ["status", "interest", "budget", "owner", NotifiedFilter]
    list_select_related = ["owner"]
    search_fields = ["name", "organisation", "email", "message"]
    date_hierarchy = "received_at"
    inlines = [EnquiryNoteInline]
    actions = ["assign_to_me", "mark_spam", "resend_notifications", "export_csv"]
    readonly_fields = [
        "received_at",
        "written_in",
        "email_link",
        "phone_link",
        *Enquiry.SUBMITTED_FIELDS,
        "status",
        "status_changed_at",
        "closed_at",
        "sales_notified_at",
        "enquirer_notified_at",
        "notification_attempts",
        "notification_error",
        "notification_failed_at",
    ]
    fieldsets = [
        (
            _("Enquiry"),
            {
                "fields": [
                    ("received_at", "written_in"),
                    ("name", "organisation"),
                    ("email_link", "phone_link"),
                    ("interest", "budget", "preferred_start"),
                    "message",
                ]
            },
        ),
        (_("Pipeline"), {"fields": ["status", "status_changed_at", "owner", "move_to"]}),
        (
            _("E-mails"),
            {
                "fields": [
                    "sales_notified_at",
                    "enquirer_notified_at",
                    "notification_attempts",
                    "notification_error",
                    "notification_failed_at",
                ]
            },
        ),
    ]

    def has_add_permission(self, request):
        return False  # enquiries come from the public form only

    @admin.display(description=_("language"))
    def written_in(self, enquiry):
        """The language the enquirer used the site in (their confirmation's); reply in it."""
        code = enquiry.language or settings.LANGUAGE_CODE
        return dict(settings.LANGUAGES).get(code, code)

    @admin.display(boolean=True, description=_("e-mailed"))
    def emailed(self, enquiry):
        return enquiry.notified

    @admin.display(description=_("e-mail"))
    def email_link(self, enquiry):
        if not enquiry.email:
            return ""
        return format_html('<a href="mailto:{}">{}</a>', enquiry.email, enquiry.email)

    @admin.display(description=_("phone"))
    def phone_link(self, enquiry):
        if not enquiry.phone:
            return ""
        return format_html(
            '<a href="{}">{}</a>', enquiry.phone.as_rfc3966, enquiry.phone.as_international
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.user = request.user
        return form

    def save_model(self, request, obj, form, change):
        status = form.cleaned_data.get("move_to")
        if status == REOPEN:
            enquiry_reopen(enquiry=obj, user=request.user)
        elif status:
            obj.move_to(status)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for note in formset.save(commit=False):
            if note._state.adding:
                note.author = request.user
            note.save()

    def get_urls(self):
        export = path(
            "export/",
            self.admin_site.admin_view(self.export_view),
            name="advertising_enquiry_export",
        )
        return [export, *super().get_urls()]

    def export_view(self, request):
        """The changelist as it is filtered and searched, as CSV."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            return HttpResponseBadRequest(_("Unknown filter."))
        return _csv_response(changelist.get_queryset(request))

    @admin.action(description=_("Export selected enquiries as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        return _csv_response(queryset)

    @admin.action(description=_("Assign selected enquiries to me"), permissions=["change"])
    def assign_to_me(self, request, queryset):
        try:
            count = queryset.assign_to(request.user)
        except ValidationError as error:
            self.message_user(request, error.message, messages.ERROR)
            return
        self.message_user(
            request,
            ngettext("%d enquiry is now yours.", "%d enquiries are now yours.", count) % count,
        )

    @admin.action(description=_("Mark selected enquiries as spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        marked = 0
        for enquiry in queryset:
            if Enquiry.Status.SPAM in enquiry.allowed_moves():
                enquiry.move_to(Enquiry.Status.SPAM)
                enquiry.save(update_fields=Enquiry.PIPELINE_FIELDS)
                marked += 1
        self.message_user(
            request,
            ngettext("%d enquiry marked as spam.", "%d enquiries marked as spam.", marked) % marked,
        )
        if skipped := queryset.count() - marked:
            self.message_user(
                request,
                ngettext(
                    "%d closed enquiry was left as it is.",
                    "%d closed enquiries were left as they are.",
                    skipped,
                )
                % skipped,
                messages.WARNING,
            )

    @admin.action(description=_("Re-send e-mails not yet sent"), permissions=["change"])
    def resend_notifications(self, request, queryset):
        count = enquiries_resend(queryset=queryset)
        self.message_user(
            request,
            ngettext(
                "E-mails queued again for %d enquiry.",
                "E-mails queued again for %d enquiries.",
                count,
            )
            % count,
        )
