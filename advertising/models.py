import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

from newsroom.roles import SALES


class EnquiryQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=Enquiry.OPEN_STATUSES)

    def unnotified(self):
        """Enquiries the sales team or the enquirer has not yet been e-mailed about."""
        return self.filter(
            models.Q(sales_notified_at__isnull=True) | models.Q(enquirer_notified_at__isnull=True)
        )

    def notification_failed(self):
        """Enquiries whose e-mails failed on every automatic attempt: sales must act on them."""
        return self.filter(notification_failed_at__isnull=False)

    def assign_to(self, owner) -> int:
        """Give these enquiries to a Sales member; refuses anyone else."""
        field = Enquiry._meta.get_field("owner")
        eligible = field.related_model.objects.filter(**field.get_limit_choices_to())
        if not eligible.filter(pk=owner.pk).exists():
            raise ValidationError(_("Only Sales members can own enquiries."))
        return self.update(owner=owner)

    def past_retention(self, *, days: int):
        """Closed enquiries (won, lost, spam) closed more than `days` days ago."""
        cutoff = timezone.now() - datetime.timedelta(days=days)
        return self.exclude(status__in=Enquiry.OPEN_STATUSES).filter(closed_at__lt=cutoff)


class Enquiry(models.Model):
    """One advertising enquiry sent through the public form, and where sales have taken it."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        CONTACTED = "contacted", _("Contacted")
        PROPOSAL_SENT = "proposal_sent", _("Proposal sent")
        WON = "won", _("Won")
        LOST = "lost", _("Lost")
        SPAM = "spam", _("Spam")

    class Interest(models.TextChoices):
        WEBSITE = "website", _("Website")
        VIDEO = "video", _("Video channel")
        BOTH = "both", _("Website and video channel")
        SPONSORED = "sponsored", _("Sponsored content")
        OTHER = "other", _("Other")

    class Budget(models.TextChoices):
        UNDER_250K = "under_250k", _("Under LKR 250,000")
        UP_TO_1M = "250k_1m", _("LKR 250,000 to 1,000,000")
        UP_TO_5M = "1m_5m", _("LKR 1,000,000 to 5,000,000")
        OVER_5M = "over_5m", _("Over LKR 5,000,000")

    OPEN_STATUSES = [Status.NEW, Status.CONTACTED, Status.PROPOSAL_SENT]
    # What the enquirer writes: the public form's fields, read-only for sales in the admin.
    SUBMITTED_FIELDS = [
        "name",
        "organisation",
        "email",
        "phone",
        "interest",
        "budget",
        "preferred_start",
        "message",
    ]
    # The pipeline: which statuses each status may move to.
    MOVES = {
        Status.NEW: [Status.CONTACTED, Status.SPAM],
        Status.CONTACTED: [Status.PROPOSAL_SENT, Status.SPAM],
        Status.PROPOSAL_SENT: [Status.WON, Status.LOST, Status.SPAM],
        Status.WON: [],
        Status.LOST: [],
        Status.SPAM: [],
    }

    name = models.CharField(_("name"), max_length=100)
    organisation = models.CharField(_("organisation"), max_length=150)
    email = models.EmailField(_("e-mail"))
    phone = PhoneNumberField(_("phone"), blank=True)
    interest = models.CharField(_("interested in"), max_length=20, choices=Interest)
    budget = models.CharField(_("budget"), max_length=20, choices=Budget, blank=True)
    preferred_start = models.DateField(_("preferred start"), null=True, blank=True)
    message = models.TextField(_("message"), max_length=3000)
    # A keyed hash (HMAC) of the sender's address: spots repeat senders, never stores the address.
    client_hash = models.CharField(
        _("sender fingerprint"), max_length=64, blank=True, editable=False
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.NEW)
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enquiries",
        limit_choices_to={"groups__name": SALES, "is_active": True},
    )

    sales_notified_at = models.DateTimeField(_("sales e-mailed"), null=True, blank=True)
    enquirer_notified_at = models.DateTimeField(_("confirmation e-mailed"), null=True, blank=True)
    notification_attempts = models.PositiveSmallIntegerField(_("e-mail attempts"), default=0)
    notification_error = models.TextField(_("last e-mail error"), blank=True)
    # Set when the last automatic attempt failed; cleared by a re-send, or when the e-mails go.
    notification_failed_at = models.DateTimeField(_("e-mails failed"), null=True, blank=True)
    # The form served and what was typed (EnquiryForm.token): the same form sent again finds this.
    submission_token = models.UUIDField(
        _("form token"), null=True, blank=True, unique=True, editable=False
    )
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    # The language of the page the form was sent from: the enquirer's confirmation is written in
    # it ('' for enquiries from before languages were recorded: the site's default).
    language = models.CharField(_("language"), max_length=10, blank=True, editable=False)

    objects = EnquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        ordering = ["-received_at"]
        permissions = [("reopen_enquiry", _("Can reopen won or lost enquiries"))]

    def __str__(self):
        return f"{self.name} ({self.organisation})"

    @property
    def notified(self) -> bool:
        return bool(self.sales_notified_at and self.enquirer_notified_at)

    def allowed_moves(self) -> list[str]:
        return list(self.MOVES[self.status])

    # What a move changes: save these after `move_to()` when nothing else changed.
    PIPELINE_FIELDS = ("status", "status_changed_at", "closed_at")

    def move_to(self, status: str) -> None:
        """Move along the pipeline, in memory (whoever asked saves, as for articles' moves);
        refuses moves the pipeline does not allow."""
        if status not in self.MOVES[self.status]:
            raise ValidationError(
                _("An enquiry that is %(current)s cannot be marked %(new)s.")
                % {
                    "current": self.get_status_display().lower(),
                    "new": self.Status(status).label.lower(),
                }
            )
        now = timezone.now()
        self.status = status
        self.status_changed_at = now
        self.closed_at = None if status in self.OPEN_STATUSES else now

    # Won and lost are closed for good, unless a sales manager reopens one (services).
    REOPENABLE = (Status.WON, Status.LOST)

    def reopen(self) -> None:
        """Back to "proposal sent", in memory; only a won or lost enquiry can be reopened."""
        if self.status not in self.REOPENABLE:
            raise ValidationError(
                _("Only a won or lost enquiry can be reopened; this one is %(current)s.")
                % {"current": self.get_status_display().lower()}
            )
        self.status = self.Status.PROPOSAL_SENT
        self.status_changed_at = timezone.now()
        self.closed_at = None

    def anonymise(self) -> None:
        """Forget who sent it, keep what it was about (interest, budget, outcome, dates)."""
        self.name = self.organisation = self.message = self.client_hash = ""
        self.email = ""
        self.phone = ""
        self.anonymised_at = timezone.now()
        self.save()
        self.notes.all().delete()


class EnquiryNote(models.Model):
    """An internal note a sales person wrote on an enquiry."""

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
    )
    text = models.TextField(_("note"), max_length=5000)
    created_at = models.DateTimeField(_("written"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["created_at"]

    def __str__(self):
        return self.text[:60]
