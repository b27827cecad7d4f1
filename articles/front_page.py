"""What the front page shows: the rule in one place, for the reader's page and the admin.

The lead is the newest live article featured now (its featuring not expired), else the newest
live article; Latest News is the next `LATEST_COUNT` newest; each menu section shows its newest
`PER_SECTION` besides the lead. All per edition.
"""

from dataclasses import dataclass, field

from .models import Article, Category

LATEST_COUNT = 10
PER_SECTION = 4


@dataclass(frozen=True)
class FrontPage:
    """The ids of the stories an edition's front page shows, and where."""

    menu: list[Category]
    lead: int | None = None
    latest: list[int] = field(default_factory=list)
    sections: dict[int, list[int]] = field(default_factory=dict)  # section pk -> article ids

    @property
    def ids(self) -> set[int]:
        shown = {*self.latest, *(pk for ids in self.sections.values() for pk in ids)}
        return shown | ({self.lead} if self.lead else set())


def front_page(edition: str) -> FrontPage:
    """The front page of `edition` now, in four queries."""
    menu = list(Category.objects.in_menu())
    live = Article.objects.live().in_edition(edition).latest_first()
    ids = live.values_list("pk", flat=True)
    lead = ids.featured_now().first() or ids.first()
    others = live.exclude(pk=lead)
    return FrontPage(
        menu=menu,
        lead=lead,
        latest=list(others.values_list("pk", flat=True)[:LATEST_COUNT]),
        sections=others.newest_ids_per_category(PER_SECTION, menu),
    )
