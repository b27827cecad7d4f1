import time
import uuid

from django import forms
from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Enquiry

ISSUED_SALT = "advertising.enquiry-form.issued"
# A form older than this is re-issued (the person keeps what they typed).
FORM_LIFETIME_SECONDS = 24 * 60 * 60


def sign_issued(at: float | None = None) -> str:
    """The value of the form's hidden `issued` field, signed: when the form was served, and a new
    one-time token, which makes a second submission of the same form find the first enquiry."""
    issued = {"at": time.time() if at is None else at, "token": uuid.uuid4().hex}
    return signing.Signer(salt=ISSUED_SALT).sign_object(issued)


TOO_LONG = _("Please shorten this to %(limit_value)d characters or fewer.")
NOT_A_CHOICE = _("Please choose one of the options in the list.")


class EnquiryForm(forms.ModelForm):
    """The public advertising enquiry form, with its anti-spam fields."""

    # Honeypot: hidden from people (CSS and aria-hidden), filled in by naive bots.
    website = forms.CharField(label=_("Leave this empty"), required=False)
    issued = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Enquiry
        fields = Enquiry.SUBMITTED_FIELDS
        labels = {"interest": _("What are you interested in?"), "budget": _("Budget (optional)")}
        help_texts = {
            "phone": _("Optional. International numbers start with + and the country code."),
            "preferred_start": _("Optional."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "preferred_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "message": forms.Textarea(attrs={"rows": 6}),
        }
        # Every message a reader can meet is ours, so each edition's catalog has it (Django's own
        # have no Sinhala).
        error_messages = {
            "name": {"required": _("Please tell us your name."), "max_length": TOO_LONG},
            "organisation": {
                "required": _("Please tell us which organisation you represent."),
                "max_length": TOO_LONG,
            },
            "email": {
                "required": _("Please give an e-mail address so we can reply."),
                "invalid": _("Please enter a valid e-mail address, like name@example.com."),
            },
            "phone": {"invalid": _("Please enter a valid phone number, like +94 11 234 5678.")},
            "interest": {
                "required": _("Please choose what you are interested in."),
                "invalid_choice": NOT_A_CHOICE,
            },
            "budget": {"invalid_choice": NOT_A_CHOICE},
            "preferred_start": {"invalid": _("Please choose a date from the calendar.")},
            "message": {
                "required": _("Please tell us a little about what you have in mind."),
                "max_length": TOO_LONG,
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.fields["interest"].choices = [("", _("Choose one")), *Enquiry.Interest.choices]
        self.fields["budget"].choices = [("", _("Not sure yet")), *Enquiry.Budget.choices]
        # Every render is a new form; a bound form keeps the value it was sent with.
        self.initial["issued"] = sign_issued()

    def _clean_one_line(self, name):
        value = self.cleaned_data[name]
        # Newlines in a value that reaches an e-mail header are an injection attempt.
        if any(ch in value for ch in "\r\n\t\x00"):
            raise forms.ValidationError(_("Please use a single line without line breaks."))
        return value

    def clean_name(self):
        return self._clean_one_line("name")

    def clean_organisation(self):
        return self._clean_one_line("organisation")

    def clean_preferred_start(self):
        start = self.cleaned_data["preferred_start"]
        if start and start < timezone.localdate():
            raise forms.ValidationError(_("Please choose a date from today onwards."))
        return start

    def clean_issued(self) -> dict | None:
        """The form's age in seconds and its token, or None when the value was not ours."""
        try:
            issued = signing.Signer(salt=ISSUED_SALT).unsign_object(self.cleaned_data["issued"])
            age, token = time.time() - float(issued["at"]), uuid.UUID(issued["token"])
        except (signing.BadSignature, ValueError, TypeError, KeyError):
            return None
        if age > FORM_LIFETIME_SECONDS:
            # Not a spam sign on its own: re-issue the form, keeping what was typed.
            self.data = self.data.copy()
            self.data["issued"] = sign_issued()
            self.add_error(
                None, _("This form was open for a long time. Please check it and send it again.")
            )
        return {"age": age, "token": token}

    @property
    def token(self) -> uuid.UUID | None:
        """What makes a submission this one: the form served, and what was typed into it.

        The same form sent twice gives the same token; sent again with changes (back, edit, send),
        a new one, so the changed enquiry is not mistaken for the first.
        """
        issued = self.cleaned_data.get("issued")
        if not issued:
            return None
        typed = "\x1f".join(
            str(self.cleaned_data.get(name) or "") for name in Enquiry.SUBMITTED_FIELDS
        )
        return uuid.uuid5(issued["token"], typed)

    def looks_automated(self) -> bool:
        """Honeypot filled, issue time missing or forged, or sent faster than a person types."""
        issued = self.cleaned_data.get("issued")
        return (
            bool(self.cleaned_data.get("website"))
            or issued is None
            or issued["age"] < settings.ENQUIRY_MIN_FILL_SECONDS
        )
