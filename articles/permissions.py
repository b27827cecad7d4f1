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


def can_publish(user: User) -> bool:
    """Publish, schedule, unpublish, send back, feature and mark breaking."""
    return user.is_active and user.has_perm("articles.publish_article")


def can_add(user: User) -> bool:
    return user.is_active and user.has_perm("articles.add_article")


def is_own(user: User, article: Article) -> bool:
    """Created by the user, or credited to the Author linked to their login."""
    if not user.is_authenticated or article.pk is None:
        return False
    if article.created_by_id == user.pk:
        return True
    return article.article_authors.filter(author__user=user).exists()


def can_edit(user: User, article: Article) -> bool:
    if not (user.is_active and user.has_perm("articles.change_article")):
        return False
    if can_publish(user):
        return True
    return article.status in WRITER_EDITABLE and is_own(user, article)


def can_submit(user: User, article: Article) -> bool:
    return article.status == Article.Status.DRAFT and can_edit(user, article)


def can_delete(user: User) -> bool:
    return user.is_active and user.has_perm("articles.delete_article") and can_publish(user)


def can_preview(user: User, article: Article) -> bool:
    """Editors preview anything; writers their own articles."""
    if not (user.is_active and user.is_staff):
        return False
    return can_publish(user) or is_own(user, article)


def can_restore(user: User, article: Article) -> bool:
    return user.has_perm("articles.view_historicalarticle") and can_edit(user, article)


def workflow_actions(user: User, article: Article) -> list[str]:
    """The workflow buttons this user may press on this article, in display order."""
    if article.pk is None:
        return []
    status = article.status
    actions = []
    if status == Article.Status.DRAFT and can_submit(user, article):
        actions.append("submit")
    if can_publish(user):
        if not article.is_live:
            actions.append("publish")
        if not article.has_been_live:
            actions.append("schedule")
        if status == Article.Status.PUBLISHED:
            actions.append("unpublish")
        if status in (Article.Status.REVIEW, Article.Status.UNPUBLISHED):
            actions.append("send_back")
    return actions
