"""An article's recorded versions, compared field by field with the article as it is now."""

from django.utils.translation import gettext_lazy as _

from authors.models import Author

from .models import Article, ArticleAuthor, Category
from .services import RESTORED_FIELDS


def differences(article, record):
    """[(label, that version, now)] for each restorable field that differs, bylines included."""
    rows = []
    for name in RESTORED_FIELDS:
        field = Article._meta.get_field(name.removesuffix("_id"))
        then, now = getattr(record, name), getattr(article, name)
        if str(then or "") != str(now or ""):
            if name == "category_id":
                names = dict(Category.objects.filter(pk__in=[then, now]).values_list("pk", "name"))
                then, now = names.get(then), names.get(now)
            rows.append((field.verbose_name, then, now))
    now_bylines = list(
        article.article_authors.order_by("position", "pk").values("author", "role", "position")
    )
    if record.bylines != now_bylines:
        rows.append((_("bylines"), _credits(record.bylines), _credits(now_bylines)))
    return rows


def _credits(bylines):
    names = dict(
        Author.objects.filter(pk__in=[c["author"] for c in bylines]).values_list("pk", "name")
    )
    return "; ".join(
        f"{ArticleAuthor.Role(c['role']).credit_label} {names.get(c['author'], '?')}"
        for c in bylines
    )
