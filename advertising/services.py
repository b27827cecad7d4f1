import csv

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from .forms import EnquiryForm
from .models import Enquiry, EnquiryNote
from .tasks import notify_enquiry


class EnquiryRefused(Exception):
    """A submission that looks automated or comes too often; deliberately not told which."""


def client_fingerprint(address: str) -> str:
    """A keyed hash of an address: comparable, but not reversible without SECRET_KEY."""
    return salted_hmac("advertising.client", address, algorithm="sha256").hexdigest()


def client_over_rate_limit(*, fingerprint: str) -> bool:
    """Count one submission for this sender; True once it exceeds the limit for the window.

    Kept in the cache (Redis in production) so the count holds across workers and servers.
    """
    key = f"advertising:enquiries:{fingerprint}"
    cache.add(key, 0, timeout=settings.ENQUIRY_RATE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # the window ended between add() and incr()
        cache.set(key, 1, timeout=settings.ENQUIRY_RATE_WINDOW)
        count = 1
    return count > settings.ENQUIRY_RATE_LIMIT


def enquiry_submit(*, form: EnquiryForm, address: str) -> Enquiry:
    """Accept a valid enquiry form: store the enquiry, in the language it was sent in, and queue
    its e-mails in one transaction.

    The same form sent twice (a double click, a reload) stores one enquiry: the second submission
    gets the first one back. Raises EnquiryRefused (storing nothing) for automated-looking or too
    frequent submissions.
    """
    if form.looks_automated():
        raise EnquiryRefused
    if sent := Enquiry.objects.filter(submission_token=form.token).first():
        return sent
    fingerprint = client_fingerprint(address)
    if client_over_rate_limit(fingerprint=fingerprint):
        raise EnquiryRefused
    try:
        with transaction.atomic():
            enquiry = form.save(commit=False)
            enquiry.client_hash = fingerprint
            enquiry.submission_token = form.token
            enquiry.language = translation.get_language() or ""
            enquiry.save()
            # The job is a row in the same database: it commits, or rolls back, with the enquiry.
            notify_enquiry.enqueue(enquiry.pk)
    except IntegrityError:
        # The same form sent at the same moment: the other request stored it (its job with it).
        if sent := Enquiry.objects.filter(submission_token=form.token).first():
            return sent
        raise
    return enquiry


def enquiries_resend(*, queryset: QuerySet[Enquiry]) -> int:
    """Queue the e-mails again for those enquiries whose e-mails have not all gone.

    A fresh round of attempts: the failure flag goes until that round is used up too.
    """
    with transaction.atomic():
        ids = list(queryset.unnotified().values_list("pk", flat=True))
        Enquiry.objects.filter(pk__in=ids).update(notification_failed_at=None)
        for enquiry_id in ids:
            notify_enquiry.enqueue(enquiry_id)
    return len(ids)


CSV_HEADINGS = [
    _("Received"),
    _("Name"),
    _("Organisation"),
    _("E-mail"),
    _("Phone"),
    _("Interest"),
    _("Budget"),
    _("Preferred start"),
    _("Status"),
    _("Owner"),
    _("Message"),
    _("Notes"),
]


def _spreadsheet_safe(value) -> str:
    # A cell starting with one of these is run as a formula by spreadsheet programs.
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text


def enquiries_write_csv(*, queryset: QuerySet[Enquiry], out) -> None:
    """Write enquiries as CSV, every cell escaped against spreadsheet formula injection."""
    writer = csv.writer(out)
    writer.writerow([str(heading) for heading in CSV_HEADINGS])
    for enquiry in queryset.select_related("owner").prefetch_related("notes__author"):
        writer.writerow(
            _spreadsheet_safe(value)
            for value in [
                timezone.localtime(enquiry.received_at).strftime("%Y-%m-%d %H:%M"),
                enquiry.name,
                enquiry.organisation,
                enquiry.email,
                # "tel:+94-11-234-5678" (RFC 3966): text to a spreadsheet, never a formula or a
                # number (a bare "+94…" is one, and the formula guard's quote would show), and
                # the country code stays.
                enquiry.phone.as_rfc3966 if enquiry.phone else "",
                enquiry.get_interest_display(),
                enquiry.get_budget_display(),
                enquiry.preferred_start,
                enquiry.get_status_display(),
                enquiry.owner.get_username() if enquiry.owner else "",
                enquiry.message,
                "\n".join(_note_line(note) for note in enquiry.notes.all()),
            ]
        )


def _note_line(note) -> str:
    written = timezone.localtime(note.created_at).strftime("%Y-%m-%d %H:%M")
    author = note.author.get_username() if note.author else ""
    return f"{written} {author}: {note.text}"


def enquiry_reopen(*, enquiry: Enquiry, user) -> Enquiry:
    """Reopen a won or lost enquiry (back to "proposal sent"): a sales manager's decision,
    recorded as a note saying who reopened it and what it was."""
    if not user.has_perm("advertising.reopen_enquiry"):
        raise PermissionDenied(_("Only a sales manager may reopen an enquiry."))
    was = enquiry.get_status_display()
    enquiry.reopen()
    with transaction.atomic():
        enquiry.save(update_fields=Enquiry.PIPELINE_FIELDS)
        EnquiryNote.objects.create(
            enquiry=enquiry,
            author=user,
            text=_("Reopened (it was %(status)s).") % {"status": was.lower()},
        )
    return enquiry


def enquiries_purge(*, days: int) -> tuple[int, int]:
    """Apply the retention period to closed enquiries: delete spam, anonymise won and lost.

    Returns (deleted, anonymised).
    """
    expired = Enquiry.objects.past_retention(days=days)
    with transaction.atomic():
        _total, by_model = expired.filter(status=Enquiry.Status.SPAM).delete()
        deleted = by_model.get(Enquiry._meta.label, 0)
        anonymised = 0
        for enquiry in expired.filter(anonymised_at__isnull=True):
            enquiry.anonymise()
            anonymised += 1
    return deleted, anonymised
