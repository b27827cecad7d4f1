from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import video
from .models import SOCIAL_NETWORKS, SiteSettings


class SiteSettingsForm(forms.ModelForm):
    """The admin's form. The video is chosen by pasting its address; only the provider and id
    found in it are stored (brand.video)."""

    video_address = forms.CharField(
        label=_("Video address"),
        required=False,
        max_length=300,
        widget=forms.TextInput(attrs={"class": "vURLField"}),
        help_text=_(
            "Paste the address of a YouTube or Facebook video to show it on the home page; "
            "empty the box to take it off."
        ),
    )

    class Meta:
        model = SiteSettings
        fields = [
            "logo",
            "icon",
            "primary_colour",
            "secondary_colour",
            "highlight_colour",
            *SOCIAL_NETWORKS,
            "advertising_email",
            "footer_lines",
            "video_title",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "video_address" in self.fields:
            self.fields["video_address"].initial = self.instance.video_watch_url()

    def clean_video_address(self):
        address = self.cleaned_data["video_address"].strip()
        found = video.parse(address) if address else ("", "")
        if found is None:
            raise ValidationError(
                _(
                    "This is not the address of a YouTube or Facebook video. Paste the address "
                    "you watch it at, such as https://www.youtube.com/watch?v=…"
                ),
                code="video",
            )
        self.instance.video_provider, self.instance.video_id = found
        return address
