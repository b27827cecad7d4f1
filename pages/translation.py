"""What of a page each edition words in its own language (django-modeltranslation adds
a column per language; English is the fallback and the one required language)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Page


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "body")
    required_languages = ("en",)
