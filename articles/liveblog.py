"""Live coverage: opening and closing a live blog, and posting, editing, deleting, pinning and
promoting its updates. Every rule is checked here (articles.permissions), for the admin's fast
form, its script and anything else alike."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from . import permissions
from .models import Article, ArticleAuthor, InvalidTransition, LiveEntry
from .services import article_unique_slug

CLOSED = _("Live coverage of this story has ended: it takes no more updates.")


def as_html(text: str) -> str:
    """What was typed in the fast form as HTML: kept as markup if it is markup (the body field
    sanitises it), else each blank-line-separated paragraph escaped into a <p>."""
    text = text.strip()
    if "<" in text and ">" in text:
        return text
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(f"<p>{escape(part).replace(chr(10), '<br>')}</p>" for part in paragraphs if part)


def live_coverage_open(*, article: Article, user) -> Article:
    """Make `article` a live blog (or resume its coverage)."""
    if not permissions.can_run_coverage(user, article):
        raise PermissionDenied(_("Only the desk's editors open and close live coverage."))
    article.open_coverage()
    article._history_user = user
    article.save()
    return article


def live_coverage_close(*, article: Article, user) -> Article:
    """End the coverage: the page stays, says so, takes no updates and stops polling."""
    if not permissions.can_run_coverage(user, article):
        raise PermissionDenied(_("Only the desk's editors open and close live coverage."))
    article.close_coverage()
    article._history_user = user
    article.save()
    return article


def live_entry_post(
    *, article: Article, user, body: str, key_event: bool = False, title: str = ""
) -> LiveEntry:
    """Post an update to an open live blog of the user's desk, bylined to the user's author
    profile if they have one."""
    _check_can_post(user, article)
    entry = LiveEntry(article=article, body=as_html(body), key_event=key_event, title=title.strip())
    entry.created_by = user
    entry._history_user = user
    if not entry.body.strip():
        raise ValidationError({"body": _("Write the update first.")})
    entry.full_clean(exclude=["article", "authors"])
    with transaction.atomic():
        entry.save()
        profile = getattr(user, "author_profile", None)
        if profile is not None:
            entry.authors.add(profile)
    return entry


def live_entry_edit(*, entry: LiveEntry, user, **changes) -> LiveEntry:
    """Change an update's text, key-event flag or title; readers see it marked as updated.
    Allowed after coverage has ended too: a correction is still due."""
    if not permissions.can_post_entries(user, entry.article):
        raise PermissionDenied(_("You do not post updates to this live blog."))
    if "body" in changes:
        changes["body"] = as_html(changes["body"])
    for name, value in changes.items():
        setattr(entry, name, value)
    entry.full_clean(exclude=["article", "authors"])
    entry.edited_at = timezone.now()
    entry._history_user = user
    entry.save()
    return entry


def live_entry_delete(*, entry: LiveEntry, user) -> None:
    """Remove an update (its history keeps it)."""
    if not permissions.can_post_entries(user, entry.article):
        raise PermissionDenied(_("You do not post updates to this live blog."))
    entry._history_user = user
    entry.delete()


def live_entry_pin(*, entry: LiveEntry, user, pinned: bool = True) -> LiveEntry:
    """Show `entry` at the top of the live blog (unpinning any other), or stop."""
    if not permissions.can_run_coverage(user, entry.article):
        raise PermissionDenied(_("Only the desk's editors pin updates."))
    with transaction.atomic():
        if pinned:
            for other in entry.article.entries.filter(pinned=True).exclude(pk=entry.pk):
                other.pinned = False
                other._history_user = user
                other.save()
        entry.pinned = pinned
        entry._history_user = user
        entry.save()
    return entry


def live_entry_promote(*, entry: LiveEntry, user) -> Article:
    """Start a standalone article (a draft in the live blog's edition and section) from an
    update: its title, text and bylines."""
    article = entry.article
    if not (
        permissions.can_post_entries(user, article)
        and permissions.can_create(user, article.language)
    ):
        raise PermissionDenied(_("You may not start articles from this live blog."))
    title = entry.title or Truncator(_plain(entry.body)).words(12, truncate="…")
    story = Article(
        title=title,
        body=entry.body,
        category_id=article.category_id,
        language=article.language,
        created_by=user,
    )
    story.slug = article_unique_slug(title=title, language=article.language)
    story._history_user = user
    with transaction.atomic():
        story.save()
        for position, author in enumerate(entry.authors.all()):
            ArticleAuthor.objects.create(article=story, author=author, position=position)
    return story


def _plain(html: str) -> str:
    return strip_tags(html).strip() or str(_("Update"))


def _check_can_post(user, article: Article) -> None:
    if not permissions.can_post_entries(user, article):
        raise PermissionDenied(_("You do not post updates to this live blog."))
    if not article.coverage_open:
        raise InvalidTransition(CLOSED)
