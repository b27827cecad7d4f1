"""Demo content for a fresh site: sections, authors, fixed pages and a month of articles, in
English, with Sinhala and Tamil editions (some of their stories translations of English ones).

`load_demo()` is safe to run again: rows are found by slug and left as they are, and a lead
image is drawn only for an article that has none. Publish times are relative to the first run.
"""

from datetime import timedelta
from itertools import zip_longest

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify

from articles.models import Article, ArticleAuthor, Category
from authors.models import Author
from pages.models import Page

from . import editions
from .content import AUTHORS, BEATS, CATEGORIES, PAGES, PHOTOGRAPHER, Story
from .drawing import draw_lead_image, palette_words
from .stories import SECTIONS

HEADINGS = ("Background", "What happens next", "The wider picture")
NOT_LIVE = {"draft", "review", "scheduled"}


def load_demo(*, stdout=None) -> dict:
    """Create whatever demo content is missing; return how many of each kind were created."""
    counts = dict.fromkeys(["categories", "authors", "pages", "articles", "images"], 0)
    # The English text goes into the English columns, whatever language is active.
    with transaction.atomic(), translation.override("en"):
        categories = _load_categories(counts)
        authors = _load_authors(counts)
        _load_pages(counts)
        _load_articles(counts, categories, authors)
        _load_edition_text(categories, authors)
        _load_edition_articles(counts, categories, authors)
    if stdout is not None:
        for kind, number in counts.items():
            stdout.write(f"{kind}: {number} created")
    return counts


def _load_categories(counts):
    categories = {}
    for position, (slug, name, description) in enumerate(CATEGORIES, start=1):
        categories[slug], created = Category.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "menu_position": position,
                "show_in_menu": True,
            },
        )
        counts["categories"] += created
    return categories


def _load_authors(counts):
    authors = {}
    for slug, name, job_title, bio, handle in AUTHORS:
        authors[slug], created = Author.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "job_title": job_title, "bio": bio, "social_handle": handle},
        )
        counts["authors"] += created
    return authors


def _load_pages(counts):
    for position, (slug, title, body) in enumerate(PAGES, start=1):
        _page, created = Page.objects.get_or_create(
            slug=slug, defaults={"title": title, "body": body, "footer_position": position}
        )
        counts["pages"] += created


def _running_order():
    """Every story as (section slug, index in its section, story): the breaking story first,
    then the sections taken in turn, so each section has recent news."""
    columns = [
        [(slug, index, story) for index, story in enumerate(module.STORIES)]
        for slug, module in SECTIONS.items()
    ]
    order = [item for row in zip_longest(*columns) for item in row if item is not None]
    return sorted(order, key=lambda item: item[2].state != "breaking")


def _publish_times(now, count):
    """Newest first: the first few stories a little over an hour apart, as on a busy morning,
    then about twelve hours apart, so sixty stories cover three and a half weeks."""
    times, minutes = [], 18
    for k in range(count):
        times.append(now - timedelta(minutes=minutes))
        minutes += 70 + (k * 37) % 30 if k < 8 else 700 + (k * 37) % 90
    return times


def _load_articles(counts, categories, authors):
    now = timezone.now().replace(second=0, microsecond=0)
    order = _running_order()
    live_times = iter(_publish_times(now, len(order)))
    for number, (section, index, story) in enumerate(order):
        published_at = None if story.state in NOT_LIVE else next(live_times)
        slug = slugify(story.headline)
        article = Article.objects.filter(slug=slug).first()
        if article is None:
            article = _build_article(story, slug, categories[section], number)
            _set_state(article, story.state, published_at, now)
            _draw_image(article)
            article.save()
            _add_bylines(article, section, index, authors)
            counts["articles"] += 1
            counts["images"] += 1
        elif not article.lead_image:
            _draw_image(article)
            article.save()
            counts["images"] += 1


def _fill_missing(row, texts):
    """Write each edition's text into its columns where they are still empty; save only then,
    so a second run (or an editor's own wording) is left as it is."""
    changed = False
    for language, values in texts.items():
        for field, value in values.items():
            column = f"{field}_{language}"
            if not getattr(row, column):
                setattr(row, column, value)
                changed = True
    if changed:
        row.save()


def _load_edition_text(categories, authors):
    for slug, texts in editions.SECTION_NAMES.items():
        _fill_missing(
            categories[slug],
            {lang: {"name": name, "description": text} for lang, (name, text) in texts.items()},
        )
    for slug, texts in editions.AUTHOR_TEXT.items():
        _fill_missing(
            authors[slug],
            {lang: {"job_title": job, "bio": bio} for lang, (job, bio) in texts.items()},
        )
    for page in Page.objects.filter(slug__in=editions.PAGE_TEXT):
        texts = editions.PAGE_TEXT[page.slug]
        _fill_missing(
            page, {lang: {"title": title, "body": body} for lang, (title, body) in texts.items()}
        )


def _load_edition_articles(counts, categories, authors):
    now = timezone.now().replace(second=0, microsecond=0)
    for item in editions.STORIES:
        if Article.objects.filter(slug=item.slug).exists():
            continue
        story, category = item.story, categories[item.section]
        source = item.translates and Article.objects.filter(slug=slugify(item.translates)).first()
        article = Article(
            title=story.headline,
            slug=item.slug,
            standfirst=story.standfirst,
            body="\n".join(format_html("<p>{}</p>", text) for text in story.paragraphs),
            category=category,
            language=item.language,
            lead_image_alt=EDITION_IMAGE_ALT[item.language]
            % {"section": getattr(category, f"name_{item.language}")},
            lead_image_caption=story.caption,
            lead_image_credit=EDITION_IMAGE_CREDIT[item.language],
        )
        if source:
            # A translation: the same story group, and the English story's stored image.
            article.translation_group = source.translation_group
            article.translated_from = source
            for field in IMAGE_FIELDS:
                setattr(article, field, getattr(source, field))
        else:
            _draw_image(article)
            counts["images"] += 1
        article.publish(at=now - timedelta(hours=item.hours_ago, minutes=25))
        article.save()
        ArticleAuthor.objects.bulk_create(
            ArticleAuthor(article=article, author=authors[slug], position=position)
            for position, slug in enumerate(item.authors)
        )
        counts["articles"] += 1


IMAGE_FIELDS = (
    "lead_image",
    "lead_image_width",
    "lead_image_height",
    "lead_image_bytes",
    "lead_image_renditions",
)
# The drawn images show a section's colours and its English name.
EDITION_IMAGE_ALT = {
    "si": "%(section)s අංශයේ ග්‍රැෆික් රූපය: වර්ණ මිශ්‍රණයක් මත අංශයේ ඉංග්‍රීසි නම",
    "ta": "%(section)s பிரிவின் வரைகலை: வண்ணக் கலவையின் மேல் பிரிவின் ஆங்கிலப் பெயர்",
}
EDITION_IMAGE_CREDIT = {"si": "නිව්ස්රූම් ග්‍රැෆික්ස්", "ta": "நியூஸ்ரூம் வரைகலை"}


def _build_article(story: Story, slug, category, number):
    section = SECTIONS[category.slug]
    return Article(
        title=story.headline,
        slug=slug,
        standfirst=story.standfirst,
        body=_compose_body(story, section.BACKGROUND, number),
        category=category,
        lead_image_alt=(
            f"{category.name} section graphic: a {palette_words(category.slug)} gradient "
            f"with the word {category.name.upper()}"
        ),
        lead_image_caption=story.caption,
        lead_image_credit="Newsroom graphics",
    )


def _compose_body(story: Story, background, number):
    """The story's own paragraphs, then two or three general ones from its section."""
    parts = [format_html("<p>{}</p>", story.paragraphs[0])]
    if story.quote:
        parts.append(format_html("<blockquote><p>{}</p></blockquote>", story.quote))
    parts += [format_html("<p>{}</p>", text) for text in story.paragraphs[1:]]
    if story.points:
        items = format_html_join("", "<li>{}</li>", ((point,) for point in story.points))
        parts.append(format_html("<ul>{}</ul>", items))
    if number % 3 == 0:
        parts.append(format_html("<h2>{}</h2>", HEADINGS[number // 3 % len(HEADINGS)]))
    wanted = 3 - len(story.paragraphs) + number % 2 + (not story.quote)
    for step in range(max(wanted, 1)):
        text = background[(number + step) % len(background)]
        parts.append(format_html("<p>{}</p>", text))
    return "\n".join(parts)


def _set_state(article, state, published_at, now):
    # Through the workflow methods, as an editor would: a draft needs no move at all.
    if state == "review":
        article.submit_for_review()
    elif state == "scheduled":
        article.publish(at=now + timedelta(days=2))
    elif state != "draft":
        article.publish(at=published_at)
    article.featured = state == "featured"
    article.breaking = state == "breaking"


def _draw_image(article):
    data = draw_lead_image(
        category_slug=article.category.slug, label=article.category.name, seed=article.slug
    )
    name = f"{article.slug[:60].rstrip('-')}.jpg"
    article.lead_image.save(name, ContentFile(data), save=False)
    article.lead_image_bytes = len(data)


def _add_bylines(article, section, index, authors):
    """One to three credits in order: the section's writer, sometimes a colleague's reporting
    (or, every fourth story, the colleague alone), sometimes the photographer."""
    writer, colleague = BEATS[section]
    credits = [(writer, ArticleAuthor.Role.WRITER)]
    if index % 4 == 3 and colleague != PHOTOGRAPHER:
        credits = [(colleague, ArticleAuthor.Role.WRITER)]
    elif index % 4 == 1:
        role = (
            ArticleAuthor.Role.PHOTOS if colleague == PHOTOGRAPHER else ArticleAuthor.Role.REPORTING
        )
        credits.append((colleague, role))
    if index % 3 == 2 and all(slug != PHOTOGRAPHER for slug, _role in credits):
        credits.append((PHOTOGRAPHER, ArticleAuthor.Role.PHOTOS))
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article=article, author=authors[slug], role=role, position=position)
        for position, (slug, role) in enumerate(credits)
    )
