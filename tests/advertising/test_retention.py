import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from advertising.models import Enquiry, EnquiryNote
from tests.factories import EnquiryFactory

pytestmark = pytest.mark.django_db


def _closed(path, *, days_ago):
    enquiry = EnquiryFactory(phone="+94112345678", client_hash="abc")
    with time_machine.travel(timezone.now() - datetime.timedelta(days=days_ago)):
        for status in path:
            enquiry.move_to(status)
            enquiry.save(update_fields=Enquiry.PIPELINE_FIELDS)
    EnquiryNote.objects.create(enquiry=enquiry, text="Spoke to their CEO.")
    return enquiry


Status = Enquiry.Status
WON = [Status.CONTACTED, Status.PROPOSAL_SENT, Status.WON]
LOST = [Status.CONTACTED, Status.PROPOSAL_SENT, Status.LOST]


def test_purge_deletes_old_spam_and_anonymises_old_won_and_lost(settings, capsys):
    settings.ENQUIRY_RETENTION_DAYS = 730
    old_spam = _closed([Status.SPAM], days_ago=731)
    old_won = _closed(WON, days_ago=800)
    old_lost = _closed(LOST, days_ago=731)
    recent_lost = _closed(LOST, days_ago=100)
    open_old = EnquiryFactory(received_at=timezone.now() - datetime.timedelta(days=2000))

    call_command("purge_enquiries")

    assert "1 deleted, 2 anonymised" in capsys.readouterr().out
    assert not Enquiry.objects.filter(pk=old_spam.pk).exists()
    for enquiry in [old_won, old_lost]:
        enquiry.refresh_from_db()
        assert (enquiry.name, enquiry.email, enquiry.message, enquiry.client_hash) == ("",) * 4
        assert str(enquiry.phone) == ""
        assert enquiry.anonymised_at is not None
        assert enquiry.interest == "website"  # what it was about stays for the figures
        assert not enquiry.notes.exists()
    old_won.refresh_from_db()
    assert old_won.status == Enquiry.Status.WON
    for kept in [recent_lost, open_old]:
        kept.refresh_from_db()
        assert kept.name and kept.notes.count() == (1 if kept == recent_lost else 0)


def test_purge_takes_the_retention_from_the_command_line():
    spam = _closed([Status.SPAM], days_ago=40)
    call_command("purge_enquiries", days=30, stdout=None)
    assert not Enquiry.objects.filter(pk=spam.pk).exists()


def test_purging_twice_changes_nothing_more(capsys):
    _closed(WON, days_ago=1000)
    call_command("purge_enquiries")
    call_command("purge_enquiries")
    assert capsys.readouterr().out.splitlines()[-1].endswith("0 deleted, 0 anonymised.")
