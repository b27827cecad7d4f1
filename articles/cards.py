"""Headlines worked out once: what a card, a headline list or the lead story shows.

The front page and an article page's side lists are kept in the shared cache under the content
generation (freshness.generation). Keeping them as cards, with addresses and image URLs already
built, makes a warm page cheap twice over: a card unpickles far faster than a model instance,
and the template reads plain attributes instead of rebuilding URLs and `srcset`s per request.
A card answers to the same names as an `Article`, so templates take either.
"""

import datetime
from dataclasses import dataclass

from freshness.generation import tag


@dataclass(frozen=True, slots=True)
class Card:
    pk: int
    title: str
    standfirst: str
    url: str
    published_at: datetime.datetime
    lead_image: str  # the storage name, or "" without an image
    lead_image_url: str
    lead_image_srcset: str
    lead_image_alt: str
    lead_image_width: int | None
    lead_image_height: int | None
    credits: tuple = ()  # only the lead story shows its byline
    coverage_open: bool = False  # a live blog still being updated: flagged "Live"

    @classmethod
    def of(cls, article, *, with_credits=False):
        """The card of `article` (loaded with `headlines()`; `for_listing()` for bylines)."""
        has_image = bool(article.lead_image)
        credits = tuple(article.credits) if with_credits else ()
        # Whatever keeps or shows this card shows the story (and the bylines).
        tag(
            f"article:{article.pk}",
            *(f"author:{author.pk}" for _label, people in credits for author in people),
        )
        return cls(
            pk=article.pk,
            title=article.title,
            standfirst=article.standfirst,
            url=article.get_absolute_url(),
            published_at=article.published_at,
            lead_image=article.lead_image.name if has_image else "",
            lead_image_url=article.lead_image_url if has_image else "",
            lead_image_srcset=article.lead_image_srcset if has_image else "",
            lead_image_alt=article.lead_image_alt,
            lead_image_width=article.lead_image_width,
            lead_image_height=article.lead_image_height,
            credits=credits,
            coverage_open=article.coverage_open,
        )

    def get_absolute_url(self):
        return self.url
