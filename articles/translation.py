"""What of a category each edition words in its own language (django-modeltranslation adds
a column per language; English is the fallback and the one required language)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Category


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("en",)
