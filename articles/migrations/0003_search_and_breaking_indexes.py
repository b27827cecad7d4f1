"""A GIN index on the stored search vector (PostgreSQL only; SQLite searches without one), and a
partial index for the breaking-news banner.

Rows saved before search existed get their vectors from `manage.py refresh_search_vectors`.
"""

from django.db import migrations, models

INDEX = "article_search_vector_idx"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON articles_article USING gin (search_vector)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_article_history")]

    operations = [
        migrations.RunPython(create_index, drop_index),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("breaking", True)),
                fields=["-published_at"],
                name="article_breaking_idx",
            ),
        ),
    ]
