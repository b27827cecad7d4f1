"""Preview of what is in the article form now, unsaved edits included, in the reader's layout.

The change form's Preview button posts the whole form here (into a new tab). The form is bound
and cleaned as a save would be, its values put on an in-memory copy of the article, and that
copy rendered like a reader's page under the "Preview — not public" banner. Nothing is saved.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

from . import permissions
from .models import ArticleAuthor
from .views import PreviewView

BYLINE_PREFIX = "article_authors"


class FormPreview(PreviewView):
    """A PreviewView of an article given to it, never loaded by a link."""

    article = None

    def get_object(self, queryset=None):
        return self.article

    def post(self, request, *args, **kwargs):
        return self.get(request, *args, **kwargs)


def form_preview(model_admin, request, pk=None):
    """Render the posted article form as a reader would see it (POST only)."""
    article = model_admin.get_object(request, pk) if pk is not None else model_admin.model()
    if article is None or not permissions.can_preview(request.user, article):
        raise PermissionDenied
    form_class = model_admin.get_form(request, article, change=pk is not None)
    # The form's edit check locks the row (PostgreSQL): a transaction that writes nothing.
    with transaction.atomic():
        form = form_class(request.POST, request.FILES, instance=article)
        form.is_valid()  # invalid fields keep their stored values; the rest are applied
    article = form.instance
    if article.category_id is None or not article.title:
        return HttpResponseBadRequest(_("Give the story a headline and a section to preview it."))
    article.has_corrections = pk is not None and article.corrections.exists()
    article.credit_list = _posted_bylines(request.POST)
    view = FormPreview.as_view(article=article)
    return view(request)


def _posted_bylines(data) -> list[ArticleAuthor]:
    """The bylines as typed into the form (unsaved rows, in their order)."""
    total = int(data.get(f"{BYLINE_PREFIX}-TOTAL_FORMS") or 0)
    rows = []
    for index in range(min(total, 50)):
        prefix = f"{BYLINE_PREFIX}-{index}-"
        author = data.get(f"{prefix}author", "")
        if not author.isdigit() or data.get(f"{prefix}DELETE"):
            continue
        position = data.get(f"{prefix}position", "")
        rows.append(
            (
                int(position) if position.isdigit() else index,
                index,
                int(author),
                data.get(f"{prefix}role", ""),
            )
        )
    authors = ArticleAuthor._meta.get_field("author").related_model.objects.in_bulk(
        [author for _p, _i, author, _r in rows]
    )
    return [
        ArticleAuthor(author=authors[author], role=role, position=position)
        for position, _index, author, role in sorted(rows)
        if author in authors and role in ArticleAuthor.Role.values
    ]
