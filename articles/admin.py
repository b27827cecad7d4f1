from functools import partial
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from modeltranslation.admin import TranslationAdmin

from authors.models import Author

from . import changelist, permissions, services
from .admin_preview import form_preview
from .changelist import ArticleChangeList, EstimatedCountPaginator, search
from .forms import ArticleAdminForm, BylineAuthorSelect, BylineForm, BylineFormSet
from .front_page import front_page
from .history import differences, display_name, timeline
from .live_admin import open_coverage
from .models import Article, ArticleAuthor, Category, Correction, InvalidTransition
from .views import PreviewView, preview_url


class ArticleAdminPreview(PreviewView):
    """Preview for signed-in staff: editors see any article, writers their own."""

    def get_object(self, queryset=None):
        article = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        if not permissions.can_preview(self.request.user, article):
            raise PermissionDenied
        return article


@admin.register(Category)
class CategoryAdmin(TranslationAdmin):
    list_display = ["name", "slug", "menu_position", "show_in_menu"]
    list_editable = ["menu_position", "show_in_menu"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


class ArticleAuthorInline(admin.TabularInline):
    model = ArticleAuthor
    form = BylineForm
    formset = BylineFormSet
    template = "admin/articles/edit_inline/tabular.html"
    autocomplete_fields = ["author"]
    fields = ["position", "author", "role"]
    extra = 1
    min_num = 1
    verbose_name = _("byline")
    verbose_name_plural = _("bylines (in order)")

    def get_queryset(self, request):
        # Each row's author search box names its author from here (BylineAuthorSelect).
        return super().get_queryset(request).select_related("author")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "author":
            kwargs["widget"] = BylineAuthorSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # The bylines are part of the article: whoever may not edit it may not touch them.
    def has_add_permission(self, request, obj):
        editable = obj is None or permissions.can_edit(request.user, obj)
        return editable and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        editable = obj is None or permissions.can_edit(request.user, obj)
        return editable and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        editable = obj is None or permissions.can_edit(request.user, obj)
        return editable and super().has_delete_permission(request, obj)


class CorrectionInline(admin.StackedInline):
    model = Correction
    extra = 0


class OwnerFilter(admin.SimpleListFilter):
    """Writers land on their own articles; "Everyone's" is one click away."""

    title = _("whose")
    parameter_name = "owner"

    def lookups(self, request, model_admin):
        return [("mine", _("Mine")), ("all", _("Everyone's"))]

    def choices(self, changelist):
        # No separate "All" entry: "Everyone's" is it, and the bare list is a writer's default.
        for lookup, title in self.lookup_choices:
            yield {
                "selected": (self.value() or "all") == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        if self.value() == "mine":
            credited = ArticleAuthor.objects.filter(author__user=request.user).values("article")
            return queryset.filter(Q(created_by=request.user) | Q(pk__in=credited))
        return queryset


class EditionFilter(admin.SimpleListFilter):
    """Desk members land on their own edition; the others are one click away."""

    title = _("edition")
    parameter_name = "edition"

    def lookups(self, request, model_admin):
        return Article._meta.get_field("language").choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(language=self.value())
        return queryset


class FrontPageFilter(admin.SimpleListFilter):
    title = _("on the front page now")
    parameter_name = "front"

    def lookups(self, request, model_admin):
        return [
            ("featured", _("In the lead slot")),
            ("shown", _("Anywhere on it")),
            ("breaking", _("Breaking now")),
        ]

    def queryset(self, request, queryset):
        if self.value() in ("featured", "shown"):
            # The reader's front pages decide (articles.front_page), one per edition.
            pages = [front_page(code) for code, _name in settings.LANGUAGES]
        if self.value() == "featured":
            return queryset.filter(pk__in=[page.lead for page in pages if page.lead])
        if self.value() == "shown":
            return queryset.filter(pk__in=set().union(*(page.ids for page in pages)))
        if self.value() == "breaking":
            return queryset.live().breaking_now()
        return queryset


def _move_action(move):
    """A list action for a workflow move, through the same service as the form's buttons."""

    def action(modeladmin, request, queryset):
        modeladmin._bulk(
            request,
            queryset,
            services.article_move,
            Article.MOVES[move].done,
            logged=move.label,
            move=move,
        )

    action.__name__ = move.value
    return admin.action(
        description=format_lazy("{}: {}", move.label, _("selected articles")),
        permissions=["publish" if Article.MOVES[move].editors_only else "change"],
    )(action)


# Every move but scheduling, which needs a time per article.
MOVE_ACTIONS = [_move_action(move) for move in Article.Move if move != Article.Move.SCHEDULE]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = ["title", "status_badge", "edition", "category", "byline", "last_edit"]
    # Bylines are found by the search box (names are in the search vector): a filter listing
    # every author would be hundreds of links long. Dates are ranges, not a date hierarchy,
    # which asks for the distinct days of every row.
    list_filter = [
        OwnerFilter,
        EditionFilter,
        FrontPageFilter,
        "status",
        "category",
        ("published_at", admin.DateFieldListFilter),
    ]
    search_fields = ["title"]  # shows the search box; get_search_results does the searching
    search_help_text = _("Words in the headline, standfirst, bylines or text.")
    paginator = EstimatedCountPaginator
    # A desk scans the newest; search and filters find the rest. Each row costs the page more
    # to write than the database to find.
    list_per_page = 50
    show_full_result_count = False
    # No prepopulated slug: Django's URLify drops Sinhala and Tamil letters and marks; a slug
    # left empty is made by the server (editions.slugs) from the headline.
    list_select_related = ["category"]
    inlines = [ArticleAuthorInline, CorrectionInline]
    actions = [*MOVE_ACTIONS, "feature", "unfeature", open_coverage]

    class Media:
        css = {"all": ["articles/admin.css", "articles/desk.css"]}

    # Fields grouped as a person thinks of a story: the story itself (a wide writing surface,
    # articles/static/articles/desk.css), its pictures, where it goes, search engines. The
    # publish panel at the top holds status, times and moves (publish_panel.html).
    def get_fieldsets(self, request, obj=None):
        return [
            (_("Story"), {"fields": ["title", "standfirst", "body"], "classes": ["desk-story"]}),
            (
                _("Lead image"),
                {
                    "fields": [
                        "lead_image",
                        "lead_image_alt",
                        "lead_image_caption",
                        "lead_image_credit",
                    ],
                    "classes": ["desk-media"],
                },
            ),
            (
                _("Placement"),
                {"fields": ["category", "language", "slug", *permissions.CURATION_FIELDS]},
            ),
            (
                _("Search engines"),
                {"fields": ["seo_title", "seo_description"], "classes": ["collapse"]},
            ),
        ]

    def get_readonly_fields(self, request, obj=None):
        if permissions.can_publish(request.user):
            return []
        return list(permissions.CURATION_FIELDS)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        # A writer's new story carries their own byline (the Author linked to their login).
        if isinstance(inline, ArticleAuthorInline) and (obj is None or obj.pk is None):
            own = Author.objects.filter(user=request.user).values_list("pk", flat=True).first()
            if own is not None:
                kwargs["initial"] = [{"author": own}]
        return kwargs

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.user = request.user
        return form

    def get_queryset(self, request):
        # The list adds its bylines (ArticleChangeList); the form has them in its inline.
        return permissions.visible_articles(request.user, super().get_queryset(request))

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def get_search_results(self, request, queryset, search_term):
        return search(queryset, search_term), False

    def changelist_view(self, request, extra_context=None):
        # Writers land on their own articles, desk members on their edition; anyone without
        # access still gets the plain 403.
        landing_page = request.method == "GET" and not request.GET
        if landing_page and self.has_view_or_change_permission(request):
            landing = {}
            if not permissions.can_publish(request.user):
                landing[OwnerFilter.parameter_name] = "mine"
            editions = permissions.desks(request.user)
            if len(editions) < len(settings.LANGUAGES):
                landing[EditionFilter.parameter_name] = editions[0]
            if landing:
                return redirect(f"{request.path}?{urlencode(landing)}")
        return super().changelist_view(request, extra_context)

    # Permissions: one source, articles.permissions, for forms, buttons, actions and views.
    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return permissions.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return permissions.can_delete(request.user, obj)

    def has_publish_permission(self, request):
        return permissions.can_publish(request.user)

    def view_on_site(self, article):
        return article.get_absolute_url() if article.is_live else None

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, article):
        return changelist.status_cell(article)

    @admin.display(description=_("authors"))
    def byline(self, article):
        return ", ".join(article.author_names)

    @admin.display(description=_("edition"), ordering="language")
    def edition(self, article):
        return changelist.edition_name(article)

    @admin.display(description=_("last edited"), ordering="updated_at")
    def last_edit(self, article):
        return changelist.last_edit(article)

    def action_checkbox(self, article):  # Django's list header names this column itself
        return changelist.selection_checkbox(article)

    # Saving. The row is written once the bylines are in, so every version records them.
    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
            obj.skip_history_when_saving = True
            obj.save()
            del obj.skip_history_when_saving

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        corrected = any(fs.new_objects for fs in formsets if fs.model is Correction)
        services.article_save(
            article=article,
            user=request.user,
            expected_version=form.cleaned_data["loaded_version"] if change else article.version,
            substantive=bool(form.cleaned_data.get("substantive") or corrected),
        )
        move = form.cleaned_data.get("workflow")
        if move:
            self._move(request, article, move, form.cleaned_data.get("schedule_at"))

    def _move(self, request, article, move, at):
        at = at if move == Article.Move.SCHEDULE else None
        services.article_move(article=article, user=request.user, move=move, at=at)
        self.log_change(request, article, str(Article.Move(move).label))
        messages.success(
            request,
            render_to_string("admin/articles/includes/status.html", {"article": article}),
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except services.ArticleConflict:
            # Only when a save slipped in between the form's check and ours (no row lock).
            self.message_user(
                request, _("Someone saved this article at the same moment; try again."), "error"
            )
            return HttpResponseRedirect(request.path)
        except (InvalidTransition, ValidationError) as error:
            # The form checked the move; the article changed state in between. Nothing was
            # written (the admin's transaction rolled back).
            self.message_user(request, " ".join(ValidationError(error.args[0]).messages), "error")
            return HttpResponseRedirect(request.path)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["workflow_buttons"] = [
            (move, move.label)
            for move in permissions.workflow_actions(request.user, obj or Article())
        ]
        if obj is not None:
            last = obj.history.select_related("history_user").first()
            context["last_saved_by"] = display_name(last.history_user) if last else None
        context["can_preview_form"] = permissions.can_preview(request.user, obj or Article())
        context["preview_form_url"] = reverse(
            "admin:articles_article_form_preview", args=[obj.pk] if obj else []
        )
        context["ask_material_change"] = (
            obj is not None and obj.has_been_live and permissions.can_publish(request.user)
        )
        if obj is not None:
            siblings = obj.translations()
            taken = {sibling.language for sibling in siblings}
            context["translations"] = siblings
            context["translate_into"] = [
                (code, _("Translate into %(edition)s") % {"edition": name})
                for code, name in settings.LANGUAGES
                if code in permissions.translation_editions(request.user, obj) and code not in taken
            ]
            context["can_preview"] = permissions.can_preview(request.user, obj)
            context["can_see_versions"] = permissions.can_see_versions(request.user)
            if context["can_preview"] and not obj.is_live and not obj.is_embargoed:
                context["share_url"] = request.build_absolute_uri(preview_url(obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_change(self, request, obj):
        if request.POST.get("workflow"):
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    # Bulk actions: each article goes through the same service; the rest are reported. Each
    # change is logged as `logged` (the admin's History), as the version it made is recorded.
    def _bulk(self, request, queryset, service, done_message, *, logged, **kwargs):
        done, skipped = 0, []
        # The list's rows leave out the body; a save needs the whole article.
        for article in queryset.defer(None):
            try:
                service(article=article, user=request.user, **kwargs)
                self.log_change(request, article, str(logged))
                done += 1
            except (
                PermissionDenied,
                InvalidTransition,
                ValidationError,
                services.ArticleConflict,
            ) as error:
                reason = error.args[0] if error.args else ""
                skipped.append(f"{article.title} ({reason})")
        if done:
            self.message_user(request, done_message % {"count": done}, messages.SUCCESS)
        if skipped:
            self.message_user(
                request,
                _("Skipped: %(list)s") % {"list": "; ".join(skipped)},
                messages.WARNING,
            )

    @admin.action(description=_("Feature selected articles on the front"), permissions=["publish"])
    def feature(self, request, queryset):
        self._bulk(
            request,
            queryset,
            services.article_feature,
            _("Featured %(count)d."),
            logged=_("Featured on the front"),
            featured=True,
        )

    @admin.action(description=_("Stop featuring selected articles"), permissions=["publish"])
    def unfeature(self, request, queryset):
        self._bulk(
            request,
            queryset,
            services.article_feature,
            _("Stopped featuring %(count)d."),
            logged=_("No longer featured"),
            featured=False,
        )

    # Preview and versions.
    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/preview/",
                view(ArticleAdminPreview.as_view()),
                name="articles_article_preview",
            ),
            path(
                "<int:pk>/preview/end/",
                view(self.end_preview_links_view),
                name="articles_article_end_preview_links",
            ),
            path(
                "<int:pk>/translate/<str:language>/",
                view(self.translate_view),
                name="articles_article_translate",
            ),
            path("<int:pk>/versions/", view(self.versions_view), name="articles_article_versions"),
            path(
                "preview/form/",
                view(require_POST(partial(form_preview, self))),
                name="articles_article_form_preview",
            ),
            path(
                "<int:pk>/preview/form/",
                view(require_POST(partial(form_preview, self))),
                name="articles_article_form_preview",
            ),
            path(
                "<int:pk>/versions/<int:history_id>/",
                view(self.version_view),
                name="articles_article_version",
            ),
            *super().get_urls(),
        ]

    @method_decorator(require_POST)
    def end_preview_links_view(self, request, pk):
        article = get_object_or_404(Article, pk=pk)
        services.article_end_preview_links(article=article, user=request.user)
        self.message_user(
            request, _("Every preview link shared so far has stopped working."), messages.SUCCESS
        )
        return redirect("admin:articles_article_change", article.pk)

    @method_decorator(require_POST)
    def translate_view(self, request, pk, language):
        article = get_object_or_404(Article, pk=pk)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        try:
            translation = services.article_translate(
                article=article, user=request.user, language=language
            )
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return redirect("admin:articles_article_change", article.pk)
        self.message_user(
            request,
            _("A %(edition)s draft of this story was started: translate its headline and text.")
            % {"edition": translation.get_language_display()},
            messages.SUCCESS,
        )
        return redirect("admin:articles_article_change", translation.pk)

    def versions_view(self, request, pk):
        article = self._versioned(request, pk)
        return TemplateResponse(
            request,
            "admin/articles/article/versions.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": article,
                "title": _("Versions of “%(title)s”") % {"title": article.title},
                "versions": timeline(article),
            },
        )

    def version_view(self, request, pk, history_id):
        article = self._versioned(request, pk)
        record = get_object_or_404(article.history, history_id=history_id)
        if request.method == "POST":
            expected = request.POST.get("expected_version", "")
            if not expected.isdigit():
                return HttpResponseBadRequest(_("This restore form is incomplete; reload it."))
            try:
                services.article_restore(
                    article=article,
                    record=record,
                    user=request.user,
                    expected_version=int(expected),
                )
            except services.ArticleConflict:
                self.message_user(
                    request,
                    _("The article changed since you opened this page; compare again."),
                    messages.ERROR,
                )
                return HttpResponseRedirect(request.path)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return HttpResponseRedirect(request.path)
            restored = _("Restored version %(version)s.") % {"version": record.version}
            self.log_change(request, article, str(restored))
            self.message_user(request, restored, messages.SUCCESS)
            return redirect("admin:articles_article_change", article.pk)
        return TemplateResponse(
            request,
            "admin/articles/article/version.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": article,
                "record": record,
                "who": display_name(record.history_user),
                "title": _("Version %(version)s of “%(title)s”")
                % {"version": record.version, "title": article.title},
                "changes": differences(article, record),
                "can_restore": permissions.can_restore(request.user, article),
            },
        )

    def _versioned(self, request, pk):
        article = get_object_or_404(Article, pk=pk)
        if not permissions.can_see_versions(request.user):
            raise PermissionDenied
        return article
