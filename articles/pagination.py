from django.core.paginator import Paginator
from django.utils.functional import cached_property

from freshness.generation import generation_cached


class KeptCountPaginator(Paginator):
    """A paginator whose length (a list page's "Page N of M") is kept under the content
    generation as `count_key`: counting every live article costs PostgreSQL more than the rest
    of the page, and the number only changes when content or the clock does.

    The key names the list exactly (its section, author, …): a list filtered further needs its
    own key, or the plain `Paginator`. `tags` say which stories the list holds; without them it
    is kept under `scope`'s editions (by default the edition being served: freshness.generation).
    """

    def __init__(self, object_list, per_page, *, count_key: str, tags=(), scope=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key
        self.tags = tags  # of the list: which stories it holds (freshness.generation)
        self.scope = scope

    @cached_property
    def count(self):
        return generation_cached(
            f"count:{self.count_key}", self.object_list.count, tags=self.tags, scope=self.scope
        )
