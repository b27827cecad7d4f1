"""Who may do what to an article: the one place the editorial rules live.

The admin (forms, buttons, list actions, history views) and the services all ask these
functions, so a forged request is refused exactly like a hidden button. The coarse grants
(which group has which model permission) are in newsroom/roles.py.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from .models import Article

User = AbstractBaseUser | AnonymousUser

# A writer may keep working on their own article until it is published.
WRITER_EDITABLE = {Article.Status.DRAFT, Article.Status.REVIEW}
# What puts an article on the front page or in the banner, or holds it back or takes it down
# at a time: editors' decisions only.
CURATION_FIELDS = (
    "featured",
    "featured_until",
    "breaking",
    "breaking_until",
    "embargo_until",
    "expires_at",
)


def desk_permission(language: str) -> str:
    """The permission that puts a user on an edition's desk (`articles.desk_ta`)."""
    return f"articles.desk_{language}"


def desks(user: User) -> list[str]:
    """The editions this user works in, in settings.LANGUAGES order. A user on no desk (and a
    superuser, who holds every permission) works in every edition."""
    editions = [code for code, _name in settings.LANGUAGES]
    mine = [code for code in editions if user.has_perm(desk_permission(code))]
    return mine or editions


def in_desk(user: User, language: str) -> bool:
    return language in desks(user)


def can_publish(user: User) -> bool:
    """Publish, schedule, unpublish, send back, feature and mark breaking (in the user's
    editions: see can_curate and can_move)."""
    return user.is_active and user.has_perm("articles.publish_article")


def can_curate(user: User, article: Article) -> bool:
    """Feature the article or mark it breaking: an editor of its edition's desk."""
    return can_publish(user) and in_desk(user, article.language)


def can_create(user: User, language: str) -> bool:
    """Start an article (or a translation) in the edition `language`."""
    return user.is_active and user.has_perm("articles.add_article") and in_desk(user, language)


def is_own(user: User, article: Article) -> bool:
    """Created by the user (an unsaved article is being created by whoever holds it), or
    credited to the Author linked to their login."""
    if not user.is_authenticated:
        return False
    if article.pk is None:
        return True
    if article.created_by_id == user.pk:
        return True
    return article.article_authors.filter(author__user=user).exists()


def can_edit(user: User, article: Article) -> bool:
    if not (user.is_active and user.has_perm("articles.change_article")):
        return False
    if not in_desk(user, article.language):
        return False
    if can_publish(user):
        return True
    return article.status in WRITER_EDITABLE and is_own(user, article)


def can_delete(user: User, article: Article | None = None) -> bool:
    """Editors delete articles (of their desk's editions, when one is named)."""
    allowed = user.is_active and user.has_perm("articles.delete_article") and can_publish(user)
    return allowed and (article is None or in_desk(user, article.language))


def can_preview(user: User, article: Article) -> bool:
    """Editors preview anything in their desk's editions; writers their own articles there."""
    if not (user.is_active and user.is_staff and in_desk(user, article.language)):
        return False
    return can_publish(user) or is_own(user, article)


def can_see_versions(user: User) -> bool:
    return user.is_active and user.has_perm("articles.view_historicalarticle")


def can_restore(user: User, article: Article) -> bool:
    return can_see_versions(user) and can_edit(user, article)


def can_move(user: User, article: Article, move: Article.Move) -> bool:
    """Whether this user may make `move` on this article (its state aside): editors' moves
    need the publish permission and the article's desk; the others, the right to edit it."""
    if Article.MOVES[move].editors_only:
        return can_curate(user, article)
    return can_edit(user, article)


def workflow_actions(user: User, article: Article) -> list[Article.Move]:
    """The workflow moves this user may make on this article now, in display order."""
    return [move for move in article.available_moves() if can_move(user, article, move)]


def translation_editions(user: User, article: Article) -> list[str]:
    """The editions this user may start a translation of the article in: their desk's
    editions other than the article's own (which ones already have one is the service's
    question, asked with the siblings in hand)."""
    return [code for code in desks(user) if code != article.language and can_create(user, code)]


def can_post_entries(user: User, article: Article) -> bool:
    """Post, edit and delete a live blog's updates: writers and editors of its edition's desk."""
    return (
        user.is_active
        and user.has_perm("articles.add_liveentry")
        and in_desk(user, article.language)
    )


def can_run_coverage(user: User, article: Article) -> bool:
    """Open and close live coverage, pin updates, promote one to an article: the desk's
    editors."""
    return can_curate(user, article)
