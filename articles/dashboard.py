"""The desk dashboard (the admin's front page): what needs an editor's or a writer's attention.

One query per panel, however many stories: each panel shows its newest few and links to the
article list filtered the same way for the rest.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import permissions
from .models import Article, ArticleAuthor, Correction

PANEL_SIZE = 6


def _mine(user):
    credited = ArticleAuthor.objects.filter(author__user=user).values("article")
    return Q(created_by=user) | Q(pk__in=credited)


def desk_panels(user) -> list[dict]:
    """[{"title", "articles" or "corrections", "more": list query string, "empty"}] for a user
    who works on articles; [] for anyone else."""
    if not (user.is_active and user.has_perm("articles.view_article")):
        return []
    now = timezone.now()
    articles = Article.objects.filter(language__in=permissions.desks(user)).only(
        "title",
        "language",
        "status",
        "published_at",
        "updated_at",
        "featured",
        "featured_until",
        "breaking",
        "breaking_until",
    )
    editor = permissions.can_publish(user)
    review = articles.filter(status=Article.Status.REVIEW)
    if not editor:
        review = review.filter(_mine(user))
    panels = [
        {
            "key": "review",
            "title": _("Awaiting review"),
            "articles": review.order_by("updated_at", "pk"),  # oldest waits longest: first
            "more": "status__exact=review",
            "empty": _("Nothing is waiting for review."),
        },
        {
            "key": "drafts",
            "title": _("My drafts"),
            "articles": articles.filter(_mine(user), status=Article.Status.DRAFT).order_by(
                "-updated_at", "-pk"
            ),
            "more": "owner=mine&status__exact=draft",
            "empty": _("You have no drafts."),
        },
        {
            "key": "scheduled",
            "title": _("Scheduled next"),
            "articles": articles.filter(
                status=Article.Status.PUBLISHED, published_at__gt=now
            ).order_by("published_at", "pk"),
            "more": "status__exact=published",
            "empty": _("Nothing is scheduled."),
        },
        {
            "key": "front",
            "title": _("Live now on the front page"),
            "articles": (
                articles.live().featured_now() | articles.live().breaking_now()
            ).latest_first(),
            "more": "front=shown",
            "empty": _("No story is featured or marked breaking."),
        },
        {
            "key": "published",
            "title": _("Recently published"),
            "articles": articles.live().latest_first(),
            "more": "status__exact=published",
            "empty": _("Nothing has been published yet."),
        },
    ]
    for panel in panels:
        panel["articles"] = list(panel["articles"][:PANEL_SIZE])
    corrections = (
        Correction.objects.filter(article__language__in=permissions.desks(user))
        .select_related("article")
        .only("kind", "text", "created_at", "article__title", "article__language")
        .order_by("-created_at", "-pk")
    )
    panels.append(
        {
            "key": "corrected",
            "title": _("Recently corrected"),
            "corrections": list(corrections[:PANEL_SIZE]),
            "empty": _("No corrections yet."),
        }
    )
    return panels
