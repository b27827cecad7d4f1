"""Editorial workflow: every edit, status move and restore of an article goes through here.

Each service checks articles.permissions, moves status only through the model's transition
methods and saves with an optimistic lock: the caller says which version it started from, and
a save over changes it never saw raises ArticleConflict and writes nothing.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from authors.models import Author
from editions.slugs import slugify

from . import permissions
from .models import Article, ArticleAuthor
from .richtext import IFRAME_ELEMENT

# What a restore brings back: the content, never the status, times or address.
RESTORED_FIELDS = [
    "title",
    "standfirst",
    "body",
    "category_id",
    "language",
    "lead_image",
    "lead_image_width",
    "lead_image_height",
    "lead_image_bytes",
    "lead_image_renditions",
    "lead_image_alt",
    "lead_image_caption",
    "lead_image_credit",
    "seo_title",
    "seo_description",
]


EDITION_FIXED = _(
    "This article has been published in its edition; moving it to another would change its "
    "address. Translate it into that edition instead."
)
# What a translation starts with, besides section, bylines and the body's video embeds.
TRANSLATION_COPIED_FIELDS = [
    "category_id",
    "lead_image",
    "lead_image_width",
    "lead_image_height",
    "lead_image_bytes",
    "lead_image_renditions",
    "lead_image_alt",
    "lead_image_caption",
    "lead_image_credit",
]


class ArticleConflict(Exception):
    """Someone saved the article after the caller loaded it; nothing was written."""

    def __init__(self, stored: Article):
        self.stored = stored
        super().__init__(f"article {stored.pk} is at version {stored.version}")


def article_unique_slug(
    *, title: str, language: str = settings.LANGUAGE_CODE, exclude_pk: int | None = None
) -> str:
    """A slug from the title in the edition's script (editions.slugs), with -2, -3 … added if
    another article already uses it."""
    max_length = Article._meta.get_field("slug").max_length
    base = slugify(title, language=language)[: max_length - 4].strip("-") or "article"
    taken = set(
        Article.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def article_save(
    *, article: Article, user, expected_version: int, substantive: bool = False
) -> Article:
    """Store the edits already applied to `article` (fields and bylines).

    `substantive` (an editor's "material change", or a new correction) moves the "Updated"
    time of an article that has been live; nothing else does, and only editors can. A changed
    address of an article that has been live leaves a permanent redirect at the old one.
    """
    stored = Article.objects.get(pk=article.pk)
    if not permissions.can_edit(user, stored):
        raise PermissionDenied(_("You may not edit this article."))
    if article.language != stored.language:
        if stored.has_been_live:
            raise ValidationError({"language": EDITION_FIXED})
        if not permissions.can_create(user, article.language):
            raise PermissionDenied(_("You may not move articles into that edition."))
    curated = any(
        getattr(article, name) != getattr(stored, name) for name in permissions.CURATION_FIELDS
    )
    if curated and not permissions.can_curate(user, stored):
        raise PermissionDenied(
            _("Only editors may feature, mark breaking, embargo or set an unpublish time.")
        )
    if not article.slug:
        article.slug = article_unique_slug(
            title=article.title, language=article.language, exclude_pk=article.pk
        )
    with transaction.atomic():
        _claim_version(article, expected_version)
        if stored.has_been_live and substantive and permissions.can_publish(user):
            article.revised_at = timezone.now()
        _save_with_history(article, user)
    return article


def article_translate(*, article: Article, user, language: str) -> Article:
    """Start the translation of `article` into the edition `language`: a new draft in the same
    translation group, credited and illustrated like the source, with its section and the
    body's video embeds, and its headline marked for translation. Nothing is synced later.

    Refused (ValidationError, nothing written) for the article's own edition, an unknown one,
    or one that already has a translation; PermissionDenied outside the user's desks.
    """
    editions = dict(settings.LANGUAGES)
    if language not in editions:
        raise ValidationError(_("There is no edition “%(code)s”.") % {"code": language})
    if language == article.language:
        raise ValidationError(_("This article is already in that edition."))
    if not permissions.can_create(user, language):
        raise PermissionDenied(_("You may not write in that edition."))
    existing = Article.objects.filter(
        translation_group=article.translation_group, language=language
    ).first()
    if existing is not None:
        raise ValidationError(
            _("The %(edition)s edition already has this story: “%(title)s”.")
            % {"edition": editions[language], "title": existing.title}
        )
    embeds = "".join(match.group(0) for match in IFRAME_ELEMENT.finditer(article.body))
    translation = Article(
        title=_("[To translate] %(title)s") % {"title": article.title},
        body=embeds,
        language=language,
        translation_group=article.translation_group,
        translated_from=article,
        created_by=user,
        **{name: getattr(article, name) for name in TRANSLATION_COPIED_FIELDS},
    )
    translation.title = translation.title[: Article._meta.get_field("title").max_length]
    translation.slug = article_unique_slug(title=translation.title)
    try:
        with transaction.atomic():
            _create_translation(translation, source=article, user=user)
    except IntegrityError:
        # Someone started the same translation a moment ago (one per edition, by constraint).
        raise ValidationError(
            _("The %(edition)s edition already has this story.") % {"edition": editions[language]}
        ) from None
    return translation


def _create_translation(translation: Article, *, source: Article, user) -> None:
    # Written once the bylines are in, so the first version records them (as in the admin).
    translation.skip_history_when_saving = True
    translation.save()
    del translation.skip_history_when_saving
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article=translation, author_id=a, role=r, position=p)
        for a, r, p in source.article_authors.order_by("position", "pk").values_list(
            "author", "role", "position"
        )
    )
    _save_with_history(translation, user)


def article_move(
    *, article: Article, user, move: Article.Move, at: datetime.datetime | None = None
) -> Article:
    """Make a workflow move (`Article.MOVES`): submit, publish now, schedule for `at` (a future
    time), unpublish or send back. Refused, with nothing written, if this user may not make it
    or the article's state does not allow it (InvalidTransition)."""
    move = Article.Move(move)
    if not permissions.can_move(user, article, move):
        raise PermissionDenied(_("You may not make this move on this article."))
    if move == Article.Move.SCHEDULE and (at is None or at <= timezone.now()):
        raise ValidationError(_("Choose a time in the future to schedule for."))
    article.make_move(move, at=at)
    return _save_move(article, user)


def article_feature(
    *, article: Article, user, featured: bool, until: datetime.datetime | None = None
) -> Article:
    """Put an article in (or take it out of) the lead slot, optionally until a time."""
    if not permissions.can_curate(user, article):
        raise PermissionDenied(_("You may not change the front page."))
    article.featured = featured
    article.featured_until = until if featured else None
    return _save_move(article, user)


def article_mark_breaking(
    *, article: Article, user, breaking: bool, until: datetime.datetime | None = None
) -> Article:
    """Show a live article in the breaking-news banner (or stop), optionally until a time."""
    if not permissions.can_curate(user, article):
        raise PermissionDenied(_("You may not change the breaking-news banner."))
    article.breaking = breaking
    article.breaking_until = until if breaking else None
    return _save_move(article, user)


def article_end_preview_links(*, article: Article, user) -> None:
    """End every shared preview link of the article given out so far."""
    if not permissions.can_preview(user, article):
        raise PermissionDenied(_("You may not manage this article's preview links."))
    Article.objects.filter(pk=article.pk).update(
        preview_links_generation=F("preview_links_generation") + 1
    )
    article.refresh_from_db(fields=["preview_links_generation"])


def article_restore(*, article: Article, record, user, expected_version: int) -> Article:
    """Bring back the content and ordered bylines of a historical version.

    Goes through article_save (permissions, lock, history); status and times stay as they are.
    """
    if not permissions.can_restore(user, article):
        raise PermissionDenied(_("You may not restore versions of this article."))
    credited = {credit["author"] for credit in record.bylines}
    if Author.objects.filter(pk__in=credited).count() != len(credited):
        raise ValidationError(
            _(
                "This version credits an author whose profile has since been deleted; "
                "it cannot be restored. Copy what you need from it instead."
            )
        )
    with transaction.atomic():
        for name in RESTORED_FIELDS:
            setattr(article, name, getattr(record, name))
        article.article_authors.all().delete()
        # One by one, not bulk_create: each new byline must tell the page cache (its signals)
        # that the author's lists changed.
        for credit in record.bylines:
            ArticleAuthor.objects.create(
                article=article,
                author_id=credit["author"],
                role=credit["role"],
                position=credit["position"],
            )
        return article_save(article=article, user=user, expected_version=expected_version)


def _save_move(article: Article, user) -> Article:
    with transaction.atomic():
        _claim_version(article, article.version)
        _save_with_history(article, user)
    return article


def _claim_version(article: Article, expected_version: int) -> None:
    """Bump the stored version only if it is still the one the caller started from.

    One conditional UPDATE: it holds the row's write lock until the transaction ends, so two
    saves from the same version can never both pass.
    """
    claimed = Article.objects.filter(pk=article.pk, version=expected_version).update(
        version=F("version") + 1
    )
    if not claimed:
        raise ArticleConflict(Article.objects.get(pk=article.pk))
    article.version = expected_version + 1


def _save_with_history(article: Article, user) -> None:
    article._history_user = user
    article.save()
