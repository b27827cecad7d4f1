"""Who may do what to an article: the one place the editorial rules live.

The admin (forms, buttons, list actions, history views) and the services all ask these
functions, so a forged request is refused exactly like a hidden button. The coarse grants
(which group has which model permission) are in newsroom/roles.py.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from .models import Article

User = AbstractBaseUser | AnonymousUser

# A writer may keep working on their own article until it is published.
WRITER_EDITABLE = {Article.Status.DRAFT, Article.Status.REVIEW}
# What puts an article on the front page or in the banner: editors' decisions only.
CURATION_FIELDS = ("featured", "featured_until", "breaking", "breaking_until")


def can_publish(user: User) -> bool:
    """Publish, schedule, unpublish, send back, feature and mark breaking."""
    return user.is_active and user.has_perm("articles.publish_article")


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
    if can_publish(user):
        return True
    return article.status in WRITER_EDITABLE and is_own(user, article)


def can_delete(user: User) -> bool:
    return user.is_active and user.has_perm("articles.delete_article") and can_publish(user)


def can_preview(user: User, article: Article) -> bool:
    """Editors preview anything; writers their own articles."""
    if not (user.is_active and user.is_staff):
        return False
    return can_publish(user) or is_own(user, article)


def can_see_versions(user: User) -> bool:
    return user.is_active and user.has_perm("articles.view_historicalarticle")


def can_restore(user: User, article: Article) -> bool:
    return can_see_versions(user) and can_edit(user, article)


def can_move(user: User, article: Article, move: Article.Move) -> bool:
    """Whether this user may make `move` on this article (its state aside): editors' moves
    need the publish permission; the others, the right to edit the article."""
    if Article.MOVES[move].editors_only:
        return can_publish(user)
    return can_edit(user, article)


def workflow_actions(user: User, article: Article) -> list[Article.Move]:
    """The workflow moves this user may make on this article now, in display order."""
    return [move for move in article.available_moves() if can_move(user, article, move)]
