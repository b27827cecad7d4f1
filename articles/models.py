import uuid
from typing import NamedTuple

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from authors.models import Author
from datelines import dateline
from editions.addresses import path_prefix
from editions.slugs import validate_script
from images import renditions as images
from images.fields import LeadImageField
from images.media import media_url

from .fields import AddressDateField, ArticleSlugField
from .querysets import CLOCK_FIELDS, ArticleQuerySet, CategoryQuerySet
from .richtext import SanitizedHTMLField


class InvalidTransition(Exception):
    """A workflow move that the article's current state does not allow."""


class Transition(NamedTuple):
    """One row of a workflow table: where a move may start, where it leads, what to tell the
    user when it is done (`%(count)d` moves), and whether only editors (the publish
    permission) may make it."""

    sources: frozenset
    target: str
    done: str
    editors_only: bool = True


class Category(models.Model):
    """A section of the site ("Local", "Sport"), with its own page and feed."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    menu_position = models.PositiveSmallIntegerField(_("menu position"), default=0)
    show_in_menu = models.BooleanField(_("shown in menu"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["menu_position", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        # Built by hand, like Article's: list pages call this for every item.
        return f"{get_script_prefix()}category/{self.slug}/"


class Coverage(models.TextChoices):
    """Whether an article is a live blog, and whether its coverage is still going on."""

    NONE = "", _("Not a live blog")
    OPEN = "open", _("Live now")
    CLOSED = "closed", _("Coverage has ended")


class BylineSnapshot(models.Model):
    """Extra column on each historical article: its ordered bylines at that version.

    Filled by articles.signals, so a restore brings the bylines back with the content.
    """

    bylines = models.JSONField(default=list)

    class Meta:
        abstract = True


class Article(models.Model):
    """One news story, from first draft to publication and beyond."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    title = models.CharField(_("headline"), max_length=200)
    slug = ArticleSlugField(_("slug"), max_length=200, unique=True)
    standfirst = models.TextField(
        _("standfirst"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences under the headline."),
    )
    body = SanitizedHTMLField(_("body"), blank=True)
    category = models.ForeignKey(
        "Category", verbose_name=_("category"), on_delete=models.PROTECT, related_name="articles"
    )
    authors = models.ManyToManyField(
        Author, verbose_name=_("authors"), through="ArticleAuthor", related_name="articles"
    )
    # The edition the article belongs to, named by its language (settings.LANGUAGES).
    language = models.CharField(
        _("edition"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    # Translations of one story share a group: linked, never synced (one per edition).
    translation_group = models.UUIDField(_("translation group"), default=uuid.uuid4, editable=False)
    # The article a translation was started from (articles.services.article_translate).
    translated_from = models.ForeignKey(
        "self",
        verbose_name=_("translated from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    lead_image = LeadImageField(
        _("lead image"),
        upload_to="articles/%Y/%m/",
        blank=True,
        width_field="lead_image_width",
        height_field="lead_image_height",
        renditions_field="lead_image_renditions",
        bytes_field="lead_image_bytes",
        min_width=images.MIN_WIDTH,
        min_height=images.MIN_HEIGHT,
        help_text=_("JPEG, PNG or WebP, at least 1200 × 675 pixels."),  # noqa: RUF001
    )
    lead_image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    lead_image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    lead_image_bytes = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # Rendition names and sizes, written when the image is saved, so list pages need no lookups.
    lead_image_renditions = models.JSONField(default=dict, blank=True, editable=False)
    lead_image_alt = models.CharField(_("alt text"), max_length=250, blank=True)
    lead_image_caption = models.CharField(_("caption"), max_length=300, blank=True)
    lead_image_credit = models.CharField(_("credit"), max_length=120, blank=True)

    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("publish time"), null=True, blank=True)
    # Nothing public shows the article before this, whatever its publish time (articles.live()).
    embargo_until = models.DateTimeField(
        _("embargoed until"),
        null=True,
        blank=True,
        help_text=_("Nothing public shows the article before this time. Site time zone."),
    )
    expires_at = models.DateTimeField(
        _("unpublish at"),
        null=True,
        blank=True,
        help_text=_("The article leaves every public page at this time. Site time zone."),
    )
    url_date = AddressDateField(null=True, blank=True, editable=False)
    revised_at = models.DateTimeField(
        _("updated time"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The editorial 'Updated' time readers see."),
    )
    # A live blog: timestamped entries (LiveEntry) under the article's own text, while open.
    coverage = models.CharField(
        _("live coverage"), max_length=8, choices=Coverage.choices, blank=True, default=""
    )
    coverage_started_at = models.DateTimeField(
        _("coverage started"), null=True, blank=True, editable=False
    )
    coverage_ended_at = models.DateTimeField(
        _("coverage ended"), null=True, blank=True, editable=False
    )
    featured = models.BooleanField(_("featured"), default=False)
    featured_until = models.DateTimeField(_("featured until"), null=True, blank=True)
    breaking = models.BooleanField(_("breaking"), default=False)
    breaking_until = models.DateTimeField(_("breaking until"), null=True, blank=True)

    seo_title = models.CharField(_("SEO title"), max_length=70, blank=True)
    seo_description = models.CharField(_("SEO description"), max_length=160, blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    # Bumped on every save; an edit based on an older version is refused (optimistic locking).
    version = models.PositiveIntegerField(default=1, editable=False)
    # Part of every shared preview link; bumping it ends all the links given out so far.
    preview_links_generation = models.PositiveIntegerField(default=0, editable=False)
    # Kept current by the database itself (migration 0007); PostgreSQL only.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()
    history = HistoricalRecords(
        bases=[BylineSnapshot], excluded_fields=["search_vector", "preview_links_generation"]
    )

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            ("publish_article", _("Can publish, schedule and unpublish articles")),
            # Desks (newsroom/roles.py): holding one limits the user to that edition.
            *((f"desk_{code}", f"Works on the {code} desk") for code, _n in settings.LANGUAGES),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["translation_group", "language"], name="one_translation_per_edition"
            )
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_live_idx"),
            models.Index(
                fields=["category", "status", "-published_at"], name="article_category_live_idx"
            ),
            # The admin's list, newest first in every status, and its pages deep in the archive.
            models.Index(fields=["-published_at", "-id"], name="article_admin_order_idx"),
            # The breaking-news banner asks on every page; few rows are ever breaking.
            models.Index(
                fields=["-published_at"],
                condition=models.Q(breaking=True),
                name="article_breaking_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, update_fields=None, **kwargs):
        """Save, keeping the address consistent: its date follows the publish time (see
        AddressDateField), and an address that readers could reach keeps answering with a
        permanent redirect after a change of slug or date, whoever saves."""
        if update_fields is not None and "published_at" in update_fields:
            update_fields = {*update_fields, "url_date"}
        stored = None
        if self.pk is not None and not self._state.adding:
            stored = (
                type(self)
                ._base_manager.filter(pk=self.pk)
                .only("slug", "url_date", "published_at", "language")
                .first()
            )
        super().save(*args, update_fields=update_fields, **kwargs)
        if stored is not None and stored.has_been_live:
            old, new = stored.get_absolute_url(), self.get_absolute_url()
            if old != new:
                ArticleRedirect.objects.update_or_create(old_path=old, defaults={"article": self})
                ArticleRedirect.objects.filter(old_path=new).delete()

    def get_absolute_url(self):
        # Built from stored fields rather than reverse(), which was a list page's largest cost;
        # tests/articles/test_article_urls.py keeps the two identical. The prefix is the
        # article's own edition's (`/si/`), whichever edition is being served.
        day = self.url_date or timezone.localdate(self.published_at or timezone.now())
        prefix = path_prefix(self.language)
        return f"{prefix}{day.year:04d}/{day.month:02d}/{day.day:02d}/{self.slug}/"

    def clean(self):
        if self.slug and self.language:
            try:
                validate_script(self.slug, self.language)
            except ValidationError as error:
                raise ValidationError({"slug": error.messages}) from error
        if self.lead_image and not self.lead_image_alt.strip():
            raise ValidationError(
                {"lead_image_alt": _("Describe the image for readers who cannot see it.")}
            )
        if self.embargo_until and self.expires_at and self.embargo_until >= self.expires_at:
            raise ValidationError(
                {"embargo_until": _("The embargo must lift before the article is unpublished.")}
            )
        if self.expires_at and self.published_at and self.expires_at <= self.published_at:
            raise ValidationError(
                {"expires_at": _("The unpublish time must come after the publish time.")}
            )

    # The workflow, as data: each move, the statuses it starts from, where it leads, and whether
    # it takes the publish permission. Labels, buttons, list actions, permission checks
    # (articles.permissions) and dispatch (articles.services) are all derived from it.
    # Moves change the article in memory; the service that asked for them saves.
    class Move(models.TextChoices):
        SUBMIT = "submit", _("Submit for review")
        PUBLISH = "publish", _("Publish now")
        SCHEDULE = "schedule", _("Schedule")
        UNPUBLISH = "unpublish", _("Unpublish")
        SEND_BACK = "send_back", _("Send back to draft")

    MOVES = {
        Move.SUBMIT: Transition(
            frozenset({Status.DRAFT}),
            Status.REVIEW,
            _("Submitted %(count)d for review."),
            editors_only=False,
        ),
        # A scheduled article (published, its time to come) can be published now or rescheduled.
        Move.PUBLISH: Transition(frozenset(Status), Status.PUBLISHED, _("Published %(count)d.")),
        Move.SCHEDULE: Transition(frozenset(Status), Status.PUBLISHED, _("Scheduled %(count)d.")),
        Move.UNPUBLISH: Transition(
            frozenset({Status.PUBLISHED}), Status.UNPUBLISHED, _("Unpublished %(count)d.")
        ),
        Move.SEND_BACK: Transition(
            frozenset({Status.REVIEW, Status.UNPUBLISHED}),
            Status.DRAFT,
            _("Sent %(count)d back to draft."),
        ),
    }

    def available_moves(self) -> list["Article.Move"]:
        """The moves the article's state allows now, in display order (permissions aside)."""
        return [move for move in self.Move if self._refusal(move) is None]

    def _refusal(self, move):
        if self.status not in self.MOVES[move].sources:
            return _("A %(status)s article cannot make this move.") % {
                "status": self.get_status_display().lower()
            }
        if move == self.Move.PUBLISH and self.is_live:
            return _("This article is already live.")
        if move == self.Move.SCHEDULE and self.has_been_live:
            return _(
                "An article that has been live keeps its publish time; it cannot be scheduled."
            )
        return None

    def make_move(self, move: "Article.Move", *, at=None) -> None:
        """Make `move` (scheduling for `at`), or raise InvalidTransition and change nothing.

        The first publication fixes the publish time (and with it the address's date);
        republishing an article that has been live keeps both, so its address never changes.
        """
        refusal = self._refusal(move) or self.embargo_refusal(move, at=at)
        if refusal is not None:
            raise InvalidTransition(refusal)
        if move == self.Move.SCHEDULE:
            if at is None:
                raise InvalidTransition(_("Choose when to publish."))
            self.published_at = at
        elif move == self.Move.PUBLISH and not self.has_been_live:
            self.published_at = timezone.now()
        self.status = self.MOVES[move].target

    def embargo_refusal(self, move, *, at=None):
        """Why `move` (scheduling for `at`) would break the embargo, or None. Kept apart from
        `_refusal` so the buttons stay: pressing one early says why it cannot be done yet."""
        if self.embargo_until is None or self.embargo_until <= timezone.now():
            return None
        when = {"time": dateline(self.embargo_until)}
        if move == self.Move.PUBLISH:
            return _("Embargoed until %(time)s: it cannot be published before then.") % when
        if move == self.Move.SCHEDULE and at is not None and at < self.embargo_until:
            return _("Embargoed until %(time)s: schedule it for then or later.") % when
        return None

    # Shorthands for scripts and the demo loader.
    def submit_for_review(self):
        self.make_move(self.Move.SUBMIT)

    def publish(self, *, at=None):
        """Publish now, or schedule for `at`."""
        self.make_move(self.Move.PUBLISH if at is None else self.Move.SCHEDULE, at=at)

    def unpublish(self):
        self.make_move(self.Move.UNPUBLISH)

    def translations(self):
        """The other editions' articles of this story (every status), in edition order."""
        order = [code for code, _name in settings.LANGUAGES]
        siblings = (
            type(self)
            .objects.filter(translation_group=self.translation_group)
            .exclude(pk=self.pk)
            .order_by()
        )
        return sorted(siblings, key=lambda sibling: order.index(sibling.language))

    @property
    def has_been_live(self):
        return (
            self.published_at is not None
            and self.published_at <= timezone.now()
            and not self.is_embargoed
        )

    @property
    def is_embargoed(self):
        """Its embargo has not lifted yet (whatever its status)."""
        return self.embargo_until is not None and self.embargo_until > timezone.now()

    @property
    def has_expired(self):
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def modified_at(self):
        """When readers last saw it change: the editorial "Updated" time, else publication."""
        return self.revised_at or self.published_at

    @property
    def search_title(self):
        """The title for search engines and shares: the SEO title, else the headline."""
        return self.seo_title or self.title

    @property
    def search_description(self):
        """The description for search engines and shares: the SEO one, else the standfirst."""
        return self.seo_description or self.standfirst

    @property
    def is_live(self):
        """The row-level twin of `ArticleQuerySet.live()`."""
        return self.status == self.Status.PUBLISHED and self.has_been_live and not self.has_expired

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    def scheduled_changes(self) -> list:
        """The future times at which this article changes the public site by the clock alone:
        the row-level twin of `ArticleQuerySet.next_scheduled_change()` (CLOCK_FIELDS)."""
        now = timezone.now()
        return [
            moment
            for name, (flag, value) in CLOCK_FIELDS.items()
            if getattr(self, flag) == value and (moment := getattr(self, name)) and moment > now
        ]

    @property
    def is_live_blog(self):
        return self.coverage != Coverage.NONE

    @property
    def coverage_open(self):
        return self.coverage == Coverage.OPEN

    def open_coverage(self):
        """Start (or resume) live coverage: entries may be posted and readers' pages poll."""
        if self.coverage == Coverage.OPEN:
            raise InvalidTransition(_("Live coverage is already open."))
        self.coverage = Coverage.OPEN
        self.coverage_started_at = self.coverage_started_at or timezone.now()
        self.coverage_ended_at = None

    def close_coverage(self):
        """End live coverage: the live blog stays readable, takes no entries, stops polling."""
        if self.coverage != Coverage.OPEN:
            raise InvalidTransition(_("Live coverage is not open."))
        self.coverage = Coverage.CLOSED
        self.coverage_ended_at = timezone.now()

    @property
    def credits(self):
        """Bylines grouped by role, in their chosen order: [(role label, [author, …]), …].

        Uses the `credit_list` prefetched by `for_listing()` when present.
        """
        groups = {}
        for link in self._credit_links():
            groups.setdefault(link.role, []).append(link.author)
        return [(ArticleAuthor.Role(role).credit_label, people) for role, people in groups.items()]

    # Lead image renditions, as written by images.fields when the image is saved:
    #   {"srcset": [{"name": str, "width": int, "height": int}, ...],   # WebP, narrowest first
    #    "crops": {"16x9": {"name", "width", "height"}, "4x3": {...}, "1x1": {...}}}
    # Names are storage names; URLs come from the storage without a query.
    @property
    def lead_image_url(self):
        image = self.lead_image
        return media_url(image.storage, image.name) if image else ""

    @property
    def lead_image_srcset(self):
        """'url 640w, url 1280w, …' for <img srcset>, or '' before renditions exist."""
        storage = self.lead_image.storage
        return ", ".join(
            f"{media_url(storage, item['name'])} {item['width']}w"
            for item in self.lead_image_renditions.get("srcset", [])
        )

    @property
    def lead_image_crops(self):
        """{'16x9': {'url', 'width', 'height'}, '4x3': …, '1x1': …} for cards and JSON-LD."""
        storage = self.lead_image.storage
        return {
            ratio: {
                "url": media_url(storage, item["name"]),
                "width": item["width"],
                "height": item["height"],
            }
            for ratio, item in self.lead_image_renditions.get("crops", {}).items()
        }

    @property
    def author_names(self):
        """Every credited name, in byline order."""
        return [link.author.name for link in self._credit_links()]

    def _credit_links(self):
        """The bylines in order: the `credit_list` that `with_credits()` prefetched, or a query."""
        links = getattr(self, "credit_list", None)
        if links is None:
            links = self.article_authors.select_related("author").order_by("position")
        return links


class ArticleAuthor(models.Model):
    """One credit on an article: who, in which position, and for what."""

    class Role(models.TextChoices):
        WRITER = "", _("Writer")
        REPORTING = "reporting", _("Additional reporting")
        PHOTOS = "photos", _("Photos")
        VIDEO = "video", _("Video")

        @property
        def credit_label(self):
            return {
                "": _("Written by"),
                "reporting": _("Additional reporting by"),
                "photos": _("Photos by"),
                "video": _("Video by"),
            }[self.value]

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(
        Author, verbose_name=_("author"), on_delete=models.PROTECT, related_name="article_credits"
    )
    role = models.CharField(
        _("credit"), max_length=12, choices=Role.choices, blank=True, default=""
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "author", "role"], name="unique_credit_per_role"
            )
        ]
        indexes = [models.Index(fields=["author", "article"], name="credit_author_idx")]

    def __str__(self):
        return f"{self.author} ({self.get_role_display()})"


class Correction(models.Model):
    """A correction or clarification appended to a published article."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        CLARIFICATION = "clarification", _("Clarification")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.CORRECTION)
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"


class ArticleRedirect(models.Model):
    """An address an article used to answer at; it now redirects permanently."""

    old_path = models.CharField(max_length=300, unique=True)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="old_addresses")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")

    def __str__(self):
        return self.old_path


class LiveEntry(models.Model):
    """One timestamped update of a live blog (an article with live coverage)."""

    article = models.ForeignKey(
        Article, verbose_name=_("live blog"), on_delete=models.CASCADE, related_name="entries"
    )
    body = SanitizedHTMLField(_("update"))
    authors = models.ManyToManyField(
        Author, verbose_name=_("bylines"), blank=True, related_name="live_entries"
    )
    key_event = models.BooleanField(_("key event"), default=False)
    title = models.CharField(
        _("key event title"),
        max_length=120,
        blank=True,
        help_text=_("A few words for the key events list."),
    )
    pinned = models.BooleanField(_("pinned"), default=False)
    posted_at = models.DateTimeField(_("posted"), default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("posted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    history = HistoricalRecords(excluded_fields=["created_by"])

    class Meta:
        ordering = ["-posted_at", "-pk"]
        verbose_name = _("live update")
        verbose_name_plural = _("live updates")
        constraints = [
            models.UniqueConstraint(
                fields=["article"], condition=models.Q(pinned=True), name="one_pinned_entry"
            )
        ]
        indexes = [models.Index(fields=["article", "-posted_at"], name="live_entry_order_idx")]

    def __str__(self):
        return self.title or f"{self.article} @ {self.posted_at:%H:%M}"

    def clean(self):
        if self.key_event and not self.title.strip():
            raise ValidationError({"title": _("Give the key event a short title.")})

    @property
    def anchor(self):
        return f"update-{self.pk}"


class LiveBlog(Article):
    """An article seen as a live blog: the admin's desk page for its coverage and updates."""

    class Meta:
        proxy = True
        verbose_name = _("live blog")
        verbose_name_plural = _("live blogs")
