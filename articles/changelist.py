"""The admin's article list at an archive's size: searching, counting and paging 100,000 stories.

Django's defaults read every row more than once: a search is an `icontains` over a join (so
the rows are made DISTINCT and counted in full), each page counts the filtered list and the
whole table, and the date hierarchy asks for the distinct years of every row. Here the search
uses the stored, indexed search vector (no join, so no DISTINCT); a list is counted exactly
only while it is short, and beyond that PostgreSQL's planner estimates it.
"""

import functools
import json

from django.contrib.admin.utils import quote
from django.contrib.admin.views.main import ChangeList
from django.contrib.postgres.search import SearchQuery
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import CharField, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Concat, NullIf, Trim
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from datelines import dateline, iso

from .models import Article, ArticleAuthor
from .search import clean_query

# Lists up to this long are counted exactly (one index-bound query); longer ones are estimated.
EXACT_COUNT_LIMIT = 1000


class EstimatedCountPaginator(Paginator):
    """A paginator that counts at most EXACT_COUNT_LIMIT + 1 rows, and takes the planner's
    estimate for a longer list (PostgreSQL): `estimated` tells the page to say "about"."""

    estimated = False

    @cached_property
    def count(self):
        rows = self.object_list.order_by().values("pk")  # no annotations in the count
        exact = rows[: EXACT_COUNT_LIMIT + 1].count()
        if exact <= EXACT_COUNT_LIMIT or connections[rows.db].vendor != "postgresql":
            # SQLite has no cheap estimate; it serves small sites, so count everything.
            return exact if exact <= EXACT_COUNT_LIMIT else rows.count()
        self.estimated = True
        return max(_planner_estimate(rows), exact)

    def page(self, number):
        # Deep pages: the page's ids come from the ordering index alone (an index-only scan
        # past the offset), then only those rows are read, not every row before them.
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids = self.object_list.values("pk")[bottom : bottom + self.per_page]
        return self._get_page(self.object_list.filter(pk__in=ids), number, self)


def _planner_estimate(queryset) -> int:
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def search(queryset, term: str):
    """Articles of `queryset` matching the words of `term`, in any status and edition.

    PostgreSQL: the stored search vector (headline, standfirst, bylines, body), matched with
    the English configuration (stemmed, as English rows are stored) or the simple one (as
    Sinhala and Tamil rows are stored); both are answered by the GIN index. SQLite: every word
    in the headline, the standfirst or a byline.
    """
    term = clean_query(term)
    if not term:
        return queryset
    if connections[queryset.db].vendor == "postgresql":
        return queryset.filter(
            Q(search_vector=SearchQuery(term, search_type="websearch", config="english"))
            | Q(search_vector=SearchQuery(term, search_type="websearch", config="simple"))
        )
    for word in term.split():
        by_author = ArticleAuthor.objects.filter(
            article=OuterRef("pk"), author__name__icontains=word
        )
        queryset = queryset.filter(
            Q(title__icontains=word) | Q(standfirst__icontains=word) | Exists(by_author)
        )
    return queryset


@functools.cache
def last_editor():
    """The display name (else the username) of whoever saved the article's newest version.

    Put together once per process (annotate() resolves a copy, never this one): building the
    subquery anew cost each list page more than running it."""
    history = Article.history.model.objects.filter(id=OuterRef("pk"), history_user__isnull=False)
    name = Trim(Concat("history_user__first_name", Value(" "), "history_user__last_name"))
    who = Coalesce(NullIf(name, Value("")), "history_user__username", output_field=CharField())
    return Subquery(history.order_by("-history_id").annotate(who=who).values("who")[:1])


class ArticleChangeList(ChangeList):
    """The list leaves out the body and the search vector (a page of 100 would read
    megabytes) and adds the bylines' names (one query a page) and who last saved each article (one
    indexed lookup per row shown); its rows link to their change forms without resolving
    the URL once a row."""

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        return queryset.lean().with_credits("name").annotate(last_editor=last_editor())

    @cached_property
    def _change_url_prefix(self):
        url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
            args=[0],
            current_app=self.model_admin.admin_site.name,
        )
        return url.removesuffix("0/change/")

    def url_for_result(self, result):
        # One reverse() a page rather than one a row: the rows' links differ only by the id.
        return f"{self._change_url_prefix}{quote(result.pk)}/change/"


# The list's cells, written with format_html: a template rendered per cell cost more than the
# database did for a page of 100.


def status_badge(article) -> str:
    """The article's state as readers would put it: scheduled (when), published (when),
    unpublished at its time, or its status; then an embargo or a coming unpublish time."""
    if article.is_scheduled:
        text = _("Scheduled for %(when)s") % {"when": dateline(article.published_at)}
        badge = format_html('<span class="wf-status wf-status--scheduled">{}</span>', text)
    elif article.is_live:
        text = _("Published %(when)s") % {"when": dateline(article.published_at)}
        badge = format_html('<span class="wf-status wf-status--live">{}</span>', text)
    elif article.status == Article.Status.PUBLISHED and article.has_expired:
        text = _("Unpublished at %(when)s") % {"when": dateline(article.expires_at)}
        badge = format_html('<span class="wf-status wf-status--unpublished">{}</span>', text)
    else:
        badge = format_html(
            '<span class="wf-status wf-status--{}">{}</span>',
            article.status,
            Article.Status(article.status).label,
        )
    if article.is_embargoed:
        text = _("Embargoed until %(when)s") % {"when": dateline(article.embargo_until)}
        return format_html('{} <span class="wf-status wf-status--scheduled">{}</span>', badge, text)
    if article.expires_at and not article.has_expired:
        text = _("Unpublishes at %(when)s") % {"when": dateline(article.expires_at)}
        return format_html('{} <span class="wf-status">{}</span>', badge, text)
    return badge


def edition_name(article) -> str:
    """The article's edition by name. Django's get_language_display() rebuilds the field's
    choices for every row; the names are translated when shown, whatever the language."""
    names = dict(Article._meta.get_field("language").choices)
    return names.get(article.language, article.language)


def status_cell(article) -> str:
    """The status badge, and whether the story is featured or breaking now."""
    flags = []
    if article.featured:
        flags.append(
            format_html(' <span class="wf-status wf-status--flag">{}</span>', _("Featured"))
        )
    if article.breaking:
        flags.append(
            format_html(' <span class="wf-status wf-status--breaking">{}</span>', _("Breaking"))
        )
    return format_html("{}{}", status_badge(article), mark_safe("".join(flags)))  # each escaped


def last_edit(article) -> str:
    """When the article was last saved, and by whom (the `last_editor` annotation)."""
    when = format_html(
        '<time datetime="{}">{}</time>', iso(article.updated_at), dateline(article.updated_at)
    )
    if not getattr(article, "last_editor", None):
        return when
    who = _("by %(who)s") % {"who": article.last_editor}
    return format_html('{}<br><span class="wf-quiet">{}</span>', when, who)


def selection_checkbox(article) -> str:
    """The row's action checkbox, as Django's (which renders a form widget's template)."""
    label = _("Select this object for an action - %(object)s") % {"object": article}
    return format_html(
        '<input type="checkbox" name="_selected_action" value="{}" class="action-select" '
        'aria-label="{}">',
        article.pk,
        label,
    )
