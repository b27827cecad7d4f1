"""Post the real article admin forms as a browser would: every field they render, plus changes.

The one way tests build admin form data: read from the rendered form, so the management forms
of the inlines and any hidden fields (such as an edit lock's version) are always exactly what the
admin expects, however its fields change.
"""

import html5lib
from django.contrib.auth import get_user_model
from django.test import Client

ADMIN = "/admin/articles/article/"
FORM_READER = "form-reader"


def change_url(article):
    return f"{ADMIN}{article.pk}/change/"


def admin_form_data(response, form_id="article_form"):
    """The values a browser would submit from the admin form in `response` (files excluded)."""
    page = response.content.decode()
    # Parsing only the form keeps this quick on the admin's long pages.
    start = page.rindex("<form", 0, page.index(f'id="{form_id}"'))
    fragment = page[start : page.index("</form>", start) + len("</form>")]
    form = html5lib.parseFragment(fragment, "div", namespaceHTMLElements=False)
    form = form.find(f".//form[@id='{form_id}']")
    data = {}
    for field in form.iter():
        name = field.get("name")
        if field.tag not in ("input", "select", "textarea") or not name or "__prefix__" in name:
            continue
        if field.tag == "textarea":
            data[name] = field.text or ""
        elif field.tag == "select":
            options = field.iter("option")
            chosen = [o.get("value", o.text) for o in options if "selected" in o.attrib]
            if chosen:
                data[name] = chosen if "multiple" in field.attrib else chosen[0]
        elif field.get("type") in ("checkbox", "radio"):
            if "checked" in field.attrib:
                data[name] = field.get("value", "on")
        elif field.get("type") not in ("file", "submit", "button", "reset", "image"):
            data[name] = field.get("value", "")
    return data


def _loaded_by_superuser(url):
    """The form as someone who may do everything sees it, so a test of a refusal posts every
    field the admin has, and the refusal comes from the rules, not from missing data."""
    user, _ = get_user_model().objects.get_or_create(
        username=FORM_READER, defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    return admin_form_data(client.get(url))


def change_data(article, **changes):
    """The change form as loaded for `article`, with `changes` typed over it."""
    return _loaded_by_superuser(change_url(article)) | changes


def add_data(*, title, category, author, **changes):
    """A new article's add form: headline, section and one byline typed into it."""
    return (
        _loaded_by_superuser(f"{ADMIN}add/")
        | {
            "title": title,
            "category": str(category.pk),
            "article_authors-0-author": str(author.pk),
            "article_authors-0-position": "0",
        }
        | changes
    )
