"""Enquiry e-mails are plain text: what the enquirer typed arrives as typed, never as markup
and never turned into HTML entities."""

import pytest
from django.core import mail

from advertising.tasks import enquiry_notify
from tests.factories import EnquiryFactory

pytestmark = pytest.mark.django_db

TYPED = '<b>Big</b> & "bold" <img src=x onerror=alert(1)>'


def test_enquiry_emails_carry_what_was_typed_as_plain_text(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    enquiry = EnquiryFactory(name=f"Name {TYPED}", organisation=f"Org {TYPED}", message=TYPED)

    assert enquiry_notify(enquiry_id=enquiry.pk)

    to_sales, confirmation = mail.outbox
    for message in (to_sales, confirmation):
        assert message.content_subtype == "plain"
        assert not getattr(message, "alternatives", None)
        assert "&lt;" not in message.body and "&amp;" not in message.body
    assert f"Name {TYPED}" in to_sales.body
    assert f"\n{TYPED}\n" in to_sales.body
    assert to_sales.subject == f"Advertising enquiry from Name {TYPED} (Org {TYPED})"
    assert f"Dear Name {TYPED}," in confirmation.body
