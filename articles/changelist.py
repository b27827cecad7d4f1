"""The admin's article list at an archive's size: searching, counting and paging 100,000 stories.

Django's defaults read every row more than once: a search is an `icontains` over a join (so
the rows are made DISTINCT and counted in full), each page counts the filtered list and the
whole table, and the date hierarchy asks for the distinct years of every row. Here the search
uses the stored, indexed search vector (no join, so no DISTINCT); a list is counted exactly
only while it is short, and beyond that PostgreSQL's planner estimates it.
"""

import json

from django.contrib.admin.views.main import ChangeList
from django.contrib.postgres.search import SearchQuery
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import CharField, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Concat, NullIf, Trim
from django.utils.functional import cached_property

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


def last_editor():
    """The display name (else the username) of whoever saved the article's newest version."""
    history = Article.history.model.objects.filter(id=OuterRef("pk"), history_user__isnull=False)
    name = Trim(Concat("history_user__first_name", Value(" "), "history_user__last_name"))
    who = Coalesce(NullIf(name, Value("")), "history_user__username", output_field=CharField())
    return Subquery(history.order_by("-history_id").annotate(who=who).values("who")[:1])


class ArticleChangeList(ChangeList):
    """The list leaves out the body and the search vector (a page of 100 would read
    megabytes) and adds who last saved each article (one indexed lookup per row shown)."""

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        return queryset.lean().annotate(last_editor=last_editor())
