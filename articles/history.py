"""An article's recorded versions: compared field by field and word by word, and told as a
timeline (who, when, what changed in a few words)."""

import difflib
import html
import re

from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from authors.models import Author

from .models import Article, ArticleAuthor, Category
from .services import RESTORE_REASON, RESTORED_FIELDS


def differences(article, record):
    """[(label, that version, now, word diff)] for each restorable field that differs, bylines
    included."""
    rows = []
    for name in RESTORED_FIELDS:
        field = Article._meta.get_field(name.removesuffix("_id"))
        then, now = getattr(record, name), getattr(article, name)
        if str(then or "") != str(now or ""):
            if name == "category_id":
                names = dict(Category.objects.filter(pk__in=[then, now]).values_list("pk", "name"))
                then, now = names.get(then), names.get(now)
            rows.append((field.verbose_name, then, now, word_diff(then, now)))
    now_bylines = list(
        article.article_authors.order_by("position", "pk").values("author", "role", "position")
    )
    if record.bylines != now_bylines:
        then, now = _credits(record.bylines), _credits(now_bylines)
        rows.append((_("bylines"), then, now, word_diff(then, now)))
    return rows


def _credits(bylines):
    names = dict(
        Author.objects.filter(pk__in=[c["author"] for c in bylines]).values_list("pk", "name")
    )
    return "; ".join(
        f"{ArticleAuthor.Role(c['role']).credit_label} {names.get(c['author'], '?')}"
        for c in bylines
    )


# Word-level comparison, of rendered text rather than HTML: what an editor reads.
BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|figure|div)>|<br\s*/?>", re.IGNORECASE)
WORDS = re.compile(r"\s+|[^\s]+")


def as_text(value) -> str:
    """A field's value as a reader sees it: HTML reduced to its text, one paragraph a line."""
    text = str(value or "")
    if "<" in text:
        text = html.unescape(strip_tags(BLOCK_END.sub("\n", text)))
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def word_diff(then, now) -> SafeString:
    """`then` turned into `now`, word by word: deletions in <del>, insertions in <ins>, the
    rest as it is (every word escaped)."""
    old, new = WORDS.findall(as_text(then)), WORDS.findall(as_text(now))
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape("".join(old[i1:i2])))
            continue
        if i2 > i1:
            parts.append(format_html("<del>{}</del>", "".join(old[i1:i2])))
        if j2 > j1:
            parts.append(format_html("<ins>{}</ins>", "".join(new[j1:j2])))
    return mark_safe("".join(parts))  # every part escaped above


def _paragraphs(body) -> list[str]:
    return as_text(body).splitlines()


def changed_paragraphs(then, now) -> int:
    """How many paragraphs were added, removed or rewritten between two bodies."""
    matcher = difflib.SequenceMatcher(None, _paragraphs(then), _paragraphs(now), autojunk=False)
    return sum(
        max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"
    )


# What a version's "what changed" line names, besides the body's paragraphs.
SUMMARY_FIELDS = {
    "title": _("headline"),
    "standfirst": _("standfirst"),
    "category_id": _("section"),
    "language": _("edition"),
    "lead_image": _("lead image"),
    "lead_image_alt": _("image text"),
    "lead_image_caption": _("image text"),
    "lead_image_credit": _("image text"),
    "seo_title": _("search engine text"),
    "seo_description": _("search engine text"),
    "featured": _("front page"),
    "featured_until": _("front page"),
    "breaking": _("breaking news"),
    "breaking_until": _("breaking news"),
}


def summary(before, after) -> list[str]:
    """What changed from the version `before` to `after` (None: `after` is the first), in a
    few words: ["headline", "2 paragraphs", "lead image", "published"]."""
    if before is None:
        return [gettext("created")]
    parts = []
    for name, label in SUMMARY_FIELDS.items():
        if (
            str(getattr(before, name) or "") != str(getattr(after, name) or "")
            and label not in parts
        ):
            parts.append(label)
    paragraphs = changed_paragraphs(before.body, after.body)
    if paragraphs:
        parts.append(
            ngettext("%(count)d paragraph", "%(count)d paragraphs", paragraphs)
            % {"count": paragraphs}
        )
    if before.bylines != after.bylines:
        parts.append(gettext("bylines"))
    if before.status != after.status or before.published_at != after.published_at:
        parts.append(after.get_status_display().lower())
    return [str(part) for part in parts] or [gettext("saved without changes")]


def display_name(user) -> str:
    """A colleague as the desk knows them: their full name, else their username."""
    if user is None:  # a script, an import, or an account since deleted
        return "—"
    return user.get_full_name() or user.get_username()


def timeline(article) -> list:
    """Every recorded version of the article, newest first, each given `summary` (what changed
    from the one before, in words), `who` (a display name) and `restored_from` (the version
    number a restore brought back, if it was one)."""
    records = list(article.history.select_related("history_user").order_by("history_id"))
    previous = None
    for record in records:
        record.summary = summary(previous, record)
        record.who = display_name(record.history_user)
        reason = record.history_change_reason or ""
        record.restored_from = (
            reason.removeprefix(RESTORE_REASON) if reason.startswith(RESTORE_REASON) else None
        )
        previous = record
    return records[::-1]
