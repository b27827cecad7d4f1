"""What of a author each edition words in its own language (django-modeltranslation adds
a column per language; English is the fallback and the one required language)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Author


@register(Author)
class AuthorTranslationOptions(TranslationOptions):
    fields = ("job_title", "bio")
    required_languages = ("en",)
