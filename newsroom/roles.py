"""The staff roles and exactly the permissions each one has.

Groups are created by a migration and re-synced after every `migrate` and test-database flush
(post_migrate), so they always match this table. Finer rules — a writer edits only their own
unpublished articles, a desk works only in its editions — are enforced in articles.permissions,
which the admin and the services go through.

A desk group carries one permission, `articles.desk_<language>`: a user in the Tamil desk
(and a role group) works only in the Tamil edition; a user in no desk works in every edition.
"""

from django.apps import apps as global_apps


def _crud(app_label, *models, actions=("add", "change", "delete", "view")):
    return [f"{app_label}.{action}_{model}" for model in models for action in actions]


WRITERS, EDITORS, SALES = "Writers", "Editors", "Sales"
# One desk per edition (settings.LANGUAGES); a fourth language adds a row here.
DESKS = {"en": "English desk", "si": "Sinhala desk", "ta": "Tamil desk"}

ROLES = {
    WRITERS: [
        "articles.add_article",
        "articles.change_article",
        "articles.view_article",
        *_crud("articles", "articleauthor", "liveentry"),
        "articles.view_category",
        "authors.view_author",
    ],
    EDITORS: [
        *_crud("articles", "article", "articleauthor", "category", "correction", "liveentry"),
        "articles.publish_article",
        "articles.view_historicalarticle",
        "articles.view_historicalliveentry",
        *_crud("authors", "author"),
        *_crud("pages", "page"),
        "brand.choose_home_video",
    ],
    SALES: [
        "advertising.view_enquiry",
        "advertising.change_enquiry",
        "advertising.add_enquirynote",
        "advertising.view_enquirynote",
    ],
    **{desk: [f"articles.desk_{language}"] for language, desk in DESKS.items()},
}


def sync_roles(*, apps=global_apps, **kwargs):
    """Create the role groups and give each exactly the permissions in ROLES that exist."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = []
        for dotted in wanted:
            app_label, codename = dotted.split(".")
            permissions += Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            )
        group.permissions.set(permissions)
