from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Article, ArticleAuthor, Category, Correction


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "menu_position", "show_in_menu"]
    list_editable = ["menu_position", "show_in_menu"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


class ArticleAuthorInline(admin.TabularInline):
    model = ArticleAuthor
    autocomplete_fields = ["author"]
    fields = ["position", "author", "role"]
    extra = 1
    min_num = 1
    verbose_name = _("byline")
    verbose_name_plural = _("bylines (in order)")


class CorrectionInline(admin.StackedInline):
    model = Correction
    extra = 0


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "category", "byline", "published_at", "featured", "breaking"]
    list_filter = ["status", "category", "featured", "breaking", "authors"]
    search_fields = ["title", "standfirst", "authors__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["category"]
    inlines = [ArticleAuthorInline, CorrectionInline]
    readonly_fields = ["status", "published_at"]
    actions = ["publish_now", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "standfirst", "body", "category", "language"]}),
        (
            _("Lead image"),
            {"fields": ["lead_image", "lead_image_alt", "lead_image_caption", "lead_image_credit"]},
        ),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "featured",
                    "featured_until",
                    "breaking",
                    "breaking_until",
                ]
            },
        ),
        (
            _("Search engines"),
            {"fields": ["seo_title", "seo_description"], "classes": ["collapse"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).for_listing()

    @admin.display(description=_("authors"))
    def byline(self, article):
        return ", ".join(article.author_names)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Publish selected articles now"), permissions=["publish"])
    def publish_now(self, request, queryset):
        for article in queryset:
            article.publish()
            article.save()

    @admin.action(description=_("Unpublish selected articles"), permissions=["publish"])
    def unpublish(self, request, queryset):
        for article in queryset.filter(status=Article.Status.PUBLISHED):
            article.unpublish()
            article.save()

    def has_publish_permission(self, request):
        return request.user.has_perm("articles.publish_article")
