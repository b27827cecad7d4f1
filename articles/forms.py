import copy

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from datelines import dateline

from . import permissions
from .history import display_name, word_diff
from .models import Article, Category
from .search import clean_query
from .services import EDITION_FIXED, article_unique_slug


class ArticleAdminForm(forms.ModelForm):
    """The admin's article form: carries the version it was loaded at and the workflow move.

    `user` is set by ArticleAdmin.get_form.
    """

    user = None

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    workflow = forms.ChoiceField(
        choices=[("", ""), *Article.Move.choices], required=False, widget=forms.HiddenInput
    )
    schedule_at = forms.DateTimeField(
        label=_("Publish at"),
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Site time zone."),
    )
    substantive = forms.BooleanField(
        label=_("Material change"),
        required=False,
        help_text=_("Shows readers an 'Updated' time. Leave unticked for typo fixes."),
    )

    class Meta:
        model = Article
        fields = []  # ArticleAdmin's fieldsets decide
        # One labelled field per time (the admin's split date and time inputs have none).
        widgets = {
            name: forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
            for name in ("featured_until", "breaking_until")
        }
        error_messages = {
            "slug": {"unique": _("Another article already uses this slug: choose another.")}
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = []
        if self.instance.pk:
            self.fields["loaded_version"].required = True
            self.fields["loaded_version"].initial = self.instance.version
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _("Left empty, it is made from the headline.")
        if "language" in self.fields and self.user is not None:
            self._offer_desk_editions(self.fields["language"])
        # The admin's split date and time inputs have no label of their own: each part is named
        # for its field, so screen readers (and axe) can tell what it sets.
        for field in self.fields.values():
            for part in getattr(field.widget, "widgets", ()):
                part.attrs.setdefault("aria-label", field.label)
        if "title" in self.fields:
            # articles/desk.js counts the headline against what search results show (the
            # headline stands in for an empty SEO title).
            limit = Article._meta.get_field("seo_title").max_length
            self.fields["title"].widget.attrs.update(
                {
                    "class": "desk-headline",
                    "spellcheck": "true",
                    "data-count-limit": limit,
                    "data-count-text": _(
                        "%(count)s characters; search results show about %(limit)s"
                    ),
                }
            )
        if "standfirst" in self.fields:
            self.fields["standfirst"].widget.attrs.update({"rows": 4, "spellcheck": "true"})

    def _offer_desk_editions(self, field):
        # The editions of the user's desk, and the article's own so the form can show it.
        offered = permissions.desks(self.user)
        if self.instance.pk is not None:
            offered = [*offered, self.instance.language]
        elif self.instance.language not in offered:
            self.initial.setdefault("language", offered[0])
        field.choices = [(code, name) for code, name in field.choices if code in offered]

    def clean_language(self):
        language = self.cleaned_data["language"]
        stored = self.instance
        if stored.pk is not None and language != stored.language and stored.has_been_live:
            raise forms.ValidationError(EDITION_FIXED)
        chosen = stored.pk is None or language != stored.language
        if chosen and self.user is not None and not permissions.can_create(self.user, language):
            raise forms.ValidationError(_("You do not work in that edition."))
        return language

    def clean(self):
        cleaned = super().clean()
        if "slug" in self.fields and not cleaned.get("slug") and cleaned.get("title"):
            cleaned["slug"] = article_unique_slug(
                title=cleaned["title"],
                language=cleaned.get("language") or self.instance.language,
                exclude_pk=self.instance.pk,
            )
        if self.instance.pk:
            self._check_version(cleaned)
        self._check_workflow(cleaned)
        return cleaned

    def _check_version(self, cleaned):
        # Locks the row until the admin's transaction ends (PostgreSQL), so the check holds
        # through the save; the service's conditional UPDATE is the final guard.
        stored = (
            Article.objects.select_for_update().select_related("category").get(pk=self.instance.pk)
        )
        loaded = cleaned.get("loaded_version")
        if loaded is None or loaded == stored.version:
            return
        saver = stored.history.filter(version=stored.version).first()
        model_fields = {field.name for field in Article._meta.fields}
        self.conflict = [
            (self.fields[name].label, theirs, cleaned[name], word_diff(theirs, cleaned[name]))
            for name in self.fields
            if name in model_fields
            and name in cleaned
            # `or None`: an empty file field and a missing one are the same thing.
            and ((theirs := getattr(stored, name)) or None) != (cleaned[name] or None)
        ]
        self.add_error(
            None,
            _(
                "%(who)s saved this article at %(when)s, while you were editing it. Nothing "
                "of yours was saved; your text is still in the form. Compare the two versions "
                "(“What differs”, above) and choose which to keep."
            )
            % {
                "who": (
                    display_name(saver.history_user)
                    if saver and saver.history_user
                    else _("Someone else")
                ),
                "when": dateline(saver.history_date if saver else stored.updated_at),
            },
        )
        # Saving again now is a deliberate overwrite of the version just shown.
        self.data = self.data.copy()
        self.data[self.add_prefix("loaded_version")] = stored.version

    def _check_workflow(self, cleaned):
        move = cleaned.get("workflow")
        at = cleaned.get("schedule_at")
        if move == Article.Move.SCHEDULE:
            if at is None:
                self.add_error("schedule_at", _("Choose when to publish."))
            elif at <= timezone.now():
                self.add_error("schedule_at", _("Choose a time in the future."))
        if move in (Article.Move.PUBLISH, Article.Move.SCHEDULE):
            # Against the times as submitted: the embargo may be set in this same form.
            planned = copy.copy(self.instance)
            for name in ("embargo_until", "expires_at"):
                if name in cleaned:
                    setattr(planned, name, cleaned[name])
            if refusal := planned.embargo_refusal(move, at=at):
                self.add_error(None, refusal)
            expires = planned.expires_at
            if move == Article.Move.SCHEDULE and at and expires and expires <= at:
                self.add_error(
                    "expires_at", _("The unpublish time must come after the publish time.")
                )
        allowed = permissions.workflow_actions(self.user, self.instance) if self.user else []
        if move and move not in allowed:
            self.add_error(None, _("You may not make this move on this article."))


class SearchForm(forms.Form):
    # No max_length: an over-long query is shortened, not refused.
    q = forms.CharField(label=_("Search for"), required=False)
    category = forms.ModelChoiceField(
        label=_("Section"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All sections"),
        error_messages={"invalid_choice": _("There is no such section; choose one from the list.")},
    )

    def clean_q(self):
        return clean_query(self.cleaned_data["q"])


class BylineAuthorSelect(AutocompleteSelect):
    """The byline's author search box. Its chosen author is named from the byline as read with
    its author (ArticleAuthorInline.get_queryset), not by a query for each row as Django's does;
    a value typed into a rejected form is still looked up."""

    chosen = None  # the byline's author, set by BylineForm

    def optgroups(self, name, value, attr=None):
        selected = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if self.chosen is None or selected != [str(self.chosen.pk)]:
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        label = self.choices.field.label_from_instance(self.chosen)
        options.append(self.create_option(name, self.chosen.pk, label, True, len(options)))
        return [(None, options, 0)]


class BylineForm(forms.ModelForm):
    """One byline row of the article form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        widget = self.fields["author"].widget
        widget = getattr(widget, "widget", widget)  # inside the admin's add/change links
        if isinstance(widget, BylineAuthorSelect) and self.instance.author_id:
            widget.chosen = self.instance.author
        # A table row's fields have only the column headers for labels: name them for
        # screen readers.
        for field in self.fields.values():
            field.widget.attrs.setdefault("aria-label", field.label)

    def has_changed(self):
        # A byline pre-filled with the writer's own name counts though nobody touched it.
        prefilled = self.initial.get("author") and self["author"].value()
        return super().has_changed() or bool(prefilled)


class BylineFormSet(forms.BaseInlineFormSet):
    """The ordered bylines; every article names at least one person."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].widget.attrs["aria-label"] = _("Remove this byline")

    def clean(self):
        super().clean()
        credited = [
            form
            for form in self.forms
            if form.cleaned_data.get("author") and not form.cleaned_data.get("DELETE")
        ]
        if not credited:
            raise forms.ValidationError(_("Add a byline: who wrote this story?"), code="no_byline")
