from django.contrib.auth.management import create_permissions
from django.db import migrations

# The roles as they stood when this migration was written: history, so a copy, never imported
# from live code. newsroom.roles keeps the groups in step with today's table after every migrate.
ROLES = {
    "Writers": [
        "articles.add_article",
        "articles.change_article",
        "articles.view_article",
        "articles.add_articleauthor",
        "articles.change_articleauthor",
        "articles.delete_articleauthor",
        "articles.view_articleauthor",
        "articles.view_category",
        "authors.view_author",
    ],
    "Editors": [
        "articles.add_article",
        "articles.change_article",
        "articles.delete_article",
        "articles.view_article",
        "articles.add_articleauthor",
        "articles.change_articleauthor",
        "articles.delete_articleauthor",
        "articles.view_articleauthor",
        "articles.add_category",
        "articles.change_category",
        "articles.delete_category",
        "articles.view_category",
        "articles.add_correction",
        "articles.change_correction",
        "articles.delete_correction",
        "articles.view_correction",
        "articles.publish_article",
        "articles.view_historicalarticle",
        "authors.add_author",
        "authors.change_author",
        "authors.delete_author",
        "authors.view_author",
        "pages.add_page",
        "pages.change_page",
        "pages.delete_page",
        "pages.view_page",
    ],
    "Sales": [
        "advertising.view_enquiry",
        "advertising.change_enquiry",
        "advertising.add_enquirynote",
        "advertising.view_enquirynote",
    ],
}


def create_roles(apps, schema_editor):
    # On a fresh database permissions are only created after migrate: create them here first.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
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


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("articles", "0001_initial"),
        ("authors", "0001_initial"),
        ("pages", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
