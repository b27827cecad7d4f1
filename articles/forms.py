import copy

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import permissions
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
            (self.fields[name].label, getattr(stored, name), cleaned[name])
            for name in self.fields
            # `or None`: an empty file field and a missing one are the same thing.
            if name in model_fields
            and name in cleaned
            and (getattr(stored, name) or None) != (cleaned[name] or None)
        ]
        self.add_error(
            None,
            _(
                "%(who)s saved this article while you were editing it. Nothing of yours was "
                "saved; your text is still in the form. Compare it with theirs below, then "
                "save again to keep yours."
            )
            % {"who": (saver and saver.history_user) or _("Someone else")},
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
