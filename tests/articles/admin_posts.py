"""What the article admin's change form posts, built from an article, for tests that post it."""

from django.utils import timezone

from articles.models import Article

ADMIN = "/admin/articles/article/"


def _management(prefix, total, initial, min_num=0):
    return {
        f"{prefix}-TOTAL_FORMS": total,
        f"{prefix}-INITIAL_FORMS": initial,
        f"{prefix}-MIN_NUM_FORMS": min_num,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }


def change_data(article: Article, **changes):
    """The change form as loaded for `article`, with `changes` typed over it."""
    data = {
        "title": article.title,
        "slug": article.slug,
        "standfirst": article.standfirst,
        "body": article.body,
        "category": article.category_id,
        "language": article.language,
        "lead_image_alt": "",
        "lead_image_caption": "",
        "lead_image_credit": "",
        "featured_until_0": "",
        "featured_until_1": "",
        "breaking_until_0": "",
        "breaking_until_1": "",
        "seo_title": article.seo_title,
        "seo_description": article.seo_description,
        "loaded_version": article.version,
    }
    if article.featured:
        data["featured"] = "on"
    credits = list(article.article_authors.order_by("position", "pk"))
    data.update(_management("article_authors", len(credits), len(credits), min_num=1))
    for i, credit in enumerate(credits):
        data.update(
            {
                f"article_authors-{i}-id": credit.pk,
                f"article_authors-{i}-article": article.pk,
                f"article_authors-{i}-author": credit.author_id,
                f"article_authors-{i}-role": credit.role,
                f"article_authors-{i}-position": credit.position,
            }
        )
    notes = list(article.corrections.all())
    data.update(_management("corrections", len(notes), len(notes)))
    for i, note in enumerate(notes):
        local = timezone.localtime(note.created_at)
        data.update(
            {
                f"corrections-{i}-id": note.pk,
                f"corrections-{i}-article": article.pk,
                f"corrections-{i}-kind": note.kind,
                f"corrections-{i}-text": note.text,
                f"corrections-{i}-created_at_0": local.date().isoformat(),
                f"corrections-{i}-created_at_1": local.strftime("%H:%M:%S"),
            }
        )
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def add_data(*, title, category, author, **changes):
    """A new article's add form: headline, section and one byline."""
    data = {
        "title": title,
        "slug": "",
        "standfirst": "",
        "body": "<p>Copy.</p>",
        "category": category.pk,
        "language": "en",
        "featured_until_0": "",
        "featured_until_1": "",
        "breaking_until_0": "",
        "breaking_until_1": "",
        **_management("article_authors", 1, 0, min_num=1),
        "article_authors-0-author": author.pk,
        "article_authors-0-role": "",
        "article_authors-0-position": 0,
        **_management("corrections", 0, 0),
    }
    data.update(changes)
    return data


def change_url(article):
    return f"{ADMIN}{article.pk}/change/"
