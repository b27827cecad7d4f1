"""Page-number pagination for the API's lists, with the length kept rather than counted.

A list named by its filters alone (edition, section, author, breaking, featured) has few
variants: its length is kept under the content generation (articles.pagination), so a request
never counts every live article. A list narrowed by time or by a search has as many variants
as clients choose values: it is not counted at all (`count` is null) and the page asks for one
row more than it shows to know whether a next page exists.
"""

from django.core.paginator import EmptyPage
from django.core.paginator import Paginator as DjangoPaginator
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from articles.pagination import KeptCountPaginator

PAGE = "page"
PAGE_SIZE = "page_size"
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# Deeper pages are for crawlers of the archive; `since`/`until` reach old stories faster.
MAX_PAGE = 10_000


def _positive(request, name, default, maximum) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= maximum:
        raise ValidationError({name: [f"A whole number from 1 to {maximum}."]})
    return int(raw)


class Pagination(BasePagination):
    """`?page=` and `?page_size=` (at most MAX_PAGE_SIZE); the view names the list's count
    key (`count_key`, None when the list is not to be counted) and its scope."""

    page_size = DEFAULT_PAGE_SIZE

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        size = _positive(request, PAGE_SIZE, self.page_size, MAX_PAGE_SIZE)
        self.number = _positive(request, PAGE, 1, MAX_PAGE)
        count_key = getattr(view, "count_key", None)
        if count_key is None:
            start = (self.number - 1) * size
            rows = list(queryset[start : start + size + 1])
            self.count, self.has_next = None, len(rows) > size
            rows = rows[:size]
            if not rows and self.number > 1:
                raise NotFound()
            return rows
        paginator = KeptCountPaginator(
            queryset, size, count_key=count_key, scope=getattr(view, "count_scope", None)
        )
        return self._page(paginator)

    def paginate_list(self, items, request):
        """A list counted on each request: a short one (sections, authors) or one cheap to
        count (a live blog's updates, by its index): the same shape, no count kept."""
        self.request = request
        size = _positive(request, PAGE_SIZE, self.page_size, MAX_PAGE_SIZE)
        self.number = _positive(request, PAGE, 1, MAX_PAGE)
        return self._page(DjangoPaginator(items, size))

    def _page(self, paginator):
        try:
            page = paginator.page(self.number)
        except EmptyPage as error:
            raise NotFound() from error
        self.count, self.has_next = paginator.count, page.has_next()
        return list(page)

    def get_paginated_response(self, data):
        url = self.request.build_absolute_uri()
        next_url = replace_query_param(url, PAGE, self.number + 1) if self.has_next else None
        previous_url = None
        if self.number == 2:
            previous_url = remove_query_param(url, PAGE)
        elif self.number > 2:
            previous_url = replace_query_param(url, PAGE, self.number - 1)
        return Response(
            {"count": self.count, "next": next_url, "previous": previous_url, "results": data}
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["count", "next", "previous", "results"],
            "properties": {
                "count": {
                    "type": "integer",
                    "nullable": True,
                    "description": "Items in the whole list; null for lists narrowed by "
                    "`since`, `until` or `q`, which are not counted.",
                },
                "next": {"type": "string", "format": "uri", "nullable": True},
                "previous": {"type": "string", "format": "uri", "nullable": True},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": PAGE,
                "in": "query",
                "required": False,
                "description": f"Page number, from 1 (at most {MAX_PAGE}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
            },
            {
                "name": PAGE_SIZE,
                "in": "query",
                "required": False,
                "description": f"Items per page (default {DEFAULT_PAGE_SIZE}, at most "
                f"{MAX_PAGE_SIZE}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            },
        ]


class LiveEntryPagination(Pagination):
    """A live blog's updates, with its coverage beside them: one poll tells an app both what
    is new and whether to go on polling. The view sets `coverage` before answering."""

    coverage = None

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        response.data = {"coverage": self.coverage, **response.data}
        return response

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        paginated["properties"]["count"] = {
            "type": "integer",
            "description": "The updates matching the request (after `since`, if given).",
        }
        return {
            **paginated,
            "required": ["coverage", *paginated["required"]],
            "properties": {
                "coverage": {"$ref": "#/components/schemas/Coverage"},
                **paginated["properties"],
            },
        }
