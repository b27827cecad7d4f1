"""What of the site settings each edition words in its own language (django-modeltranslation
adds a column per language; English is the fallback)."""

from modeltranslation.translator import TranslationOptions, register

from .models import SiteSettings


@register(SiteSettings)
class SiteSettingsTranslationOptions(TranslationOptions):
    fields = ("footer_lines", "video_title")
