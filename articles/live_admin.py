"""The admin's side of live blogs: a "Live blogs" list, each with a desk page (open or close
coverage, the fast post form, the updates with pin, promote, edit and delete), and the
"Start live coverage" action for the article list. Every button goes through articles.liveblog.

The fast form is a plain form (post, redirect back); static/articles/live_post.js sends it in
the background instead and puts the new update at the top of the list without a reload.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from simple_history.admin import SimpleHistoryAdmin

from . import liveblog, permissions
from .models import Article, Coverage, InvalidTransition, LiveBlog, LiveEntry

REFUSALS = (PermissionDenied, InvalidTransition, ValidationError)


def _message(error) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error.args[0]) if error.args else str(error)


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _back(request, article):
    """To the live blog's desk page, or to the list for someone of another desk."""
    if permissions.in_desk(request.user, article.language):
        return redirect("admin:articles_liveblog_change", article.pk)
    return redirect("admin:articles_liveblog_changelist")


@admin.action(description=_("Start live coverage of selected articles"))
def open_coverage(modeladmin, request, queryset):
    """For the article list: make each article a live blog (editors of its desk)."""
    done, skipped = 0, []
    for article in queryset:
        try:
            liveblog.live_coverage_open(article=article, user=request.user)
            done += 1
        except REFUSALS as error:
            skipped.append(f"{article.title} ({_message(error)})")
    if done:
        modeladmin.message_user(
            request, _("Live coverage started for %(count)d.") % {"count": done}, messages.SUCCESS
        )
    if skipped:
        modeladmin.message_user(
            request, _("Skipped: %(list)s") % {"list": "; ".join(skipped)}, messages.WARNING
        )


@admin.register(LiveBlog)
class LiveBlogAdmin(admin.ModelAdmin):
    list_display = ["title", "coverage", "language", "update_count", "coverage_started_at"]
    list_filter = ["coverage", "language"]
    search_fields = ["title"]
    list_display_links = ["title"]

    class Media:
        css = {"all": ["articles/admin.css"]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .exclude(coverage=Coverage.NONE)
            .filter(language__in=permissions.desks(request.user))
            .annotate(updates=Count("entries"))
        )

    @admin.display(description=_("updates"), ordering="updates")
    def update_count(self, obj):
        return obj.updates

    def has_module_permission(self, request):
        return request.user.is_active and request.user.has_perm("articles.add_liveentry")

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request) and (
            obj is None or permissions.in_desk(request.user, obj.language)
        )

    has_change_permission = has_view_permission

    def has_add_permission(self, request):
        return False  # an article becomes a live blog: "Start live coverage" on the article list

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/post/", view(self.post_view), name="articles_liveblog_post"),
            path(
                "<int:pk>/coverage/<str:move>/",
                view(self.coverage_view),
                name="articles_liveblog_coverage",
            ),
            path(
                "update/<int:entry>/<str:action>/",
                view(self.entry_view),
                name="articles_liveblog_entry",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The desk page of one live blog."""
        article = get_object_or_404(self.get_queryset(request), pk=object_id)
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": article.title,
            "article": article,
            "updates": article.entries.prefetch_related("authors"),
            "can_post": permissions.can_post_entries(request.user, article)
            and article.coverage_open,
            "can_run": permissions.can_run_coverage(request.user, article),
        }
        return TemplateResponse(request, "admin/articles/liveblog/desk.html", context)

    @method_decorator(require_POST)
    def post_view(self, request, pk):
        article = get_object_or_404(Article, pk=pk)
        try:
            entry = liveblog.live_entry_post(
                article=article,
                user=request.user,
                body=request.POST.get("body", ""),
                key_event=bool(request.POST.get("key_event")),
                title=request.POST.get("title", ""),
            )
        except REFUSALS as error:
            if _wants_json(request):
                return JsonResponse({"error": _message(error)}, status=400)
            self.message_user(request, _message(error), messages.ERROR)
            return _back(request, article)
        if _wants_json(request):
            html = render_to_string(
                "admin/articles/liveblog/update.html",
                {"update": entry, "can_run": permissions.can_run_coverage(request.user, article)},
                request=request,
            )
            return JsonResponse({"id": entry.pk, "html": html, "message": str(_("Posted."))})
        self.message_user(request, _("Posted."), messages.SUCCESS)
        return redirect("admin:articles_liveblog_change", pk)

    @method_decorator(require_POST)
    def coverage_view(self, request, pk, move):
        article = get_object_or_404(Article, pk=pk)
        service = {"open": liveblog.live_coverage_open, "close": liveblog.live_coverage_close}
        if move not in service:
            raise PermissionDenied
        try:
            service[move](article=article, user=request.user)
            done = _("Live coverage is open.") if move == "open" else _("Coverage has ended")
            self.message_user(request, done, messages.SUCCESS)
        except REFUSALS as error:
            self.message_user(request, _message(error), messages.ERROR)
        return _back(request, article)

    @method_decorator(require_POST)
    def entry_view(self, request, entry, action):
        update = get_object_or_404(LiveEntry.objects.select_related("article"), pk=entry)
        try:
            if action == "delete":
                liveblog.live_entry_delete(entry=update, user=request.user)
                self.message_user(request, _("Update deleted."), messages.SUCCESS)
            elif action in ("pin", "unpin"):
                liveblog.live_entry_pin(entry=update, user=request.user, pinned=action == "pin")
            elif action == "promote":
                story = liveblog.live_entry_promote(entry=update, user=request.user)
                self.message_user(
                    request, _("Started an article from the update."), messages.SUCCESS
                )
                return redirect("admin:articles_article_change", story.pk)
            else:
                raise PermissionDenied
        except REFUSALS as error:
            self.message_user(request, _message(error), messages.ERROR)
        return _back(request, update.article)


@admin.register(LiveEntry)
class LiveEntryAdmin(SimpleHistoryAdmin):
    """Editing one update (the desk page links here), with its history."""

    fields = ["body", "key_event", "title"]

    def get_queryset(self, request):
        mine = permissions.desks(request.user)
        return super().get_queryset(request).filter(article__language__in=mine)

    def has_module_permission(self, request):
        return False  # reached from a live blog's desk page

    def has_add_permission(self, request):
        return False  # posted from the desk page

    def save_model(self, request, obj, form, change):
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        liveblog.live_entry_edit(entry=obj, user=request.user, **changes)

    def delete_model(self, request, obj):
        liveblog.live_entry_delete(entry=obj, user=request.user)

    def response_change(self, request, obj):
        return redirect("admin:articles_liveblog_change", obj.article_id)
