from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Page


@admin.register(Page)
class PageAdmin(TranslationAdmin):
    list_display = ["title", "slug", "footer_position", "updated_at"]
    list_editable = ["footer_position"]
    prepopulated_fields = {"slug": ["title"]}
    search_fields = ["title", "body"]
