"""Each article starts a translation group of its own; translations join the group."""

import uuid

from django.conf import settings
from django.db import migrations, models


def give_each_article_its_own_group(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    for pk in Article.objects.values_list("pk", flat=True).iterator():
        Article.objects.filter(pk=pk).update(translation_group=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_preview_links_generation"),
        ("authors", "0002_photo_checks"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="translation_group",
            field=models.UUIDField(null=True, editable=False, verbose_name="translation group"),
        ),
        migrations.RunPython(give_each_article_its_own_group, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="article",
            name="translation_group",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, verbose_name="translation group"
            ),
        ),
        migrations.AddField(
            model_name="historicalarticle",
            name="translation_group",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, verbose_name="translation group"
            ),
        ),
        migrations.AlterField(
            model_name="article",
            name="language",
            field=models.CharField(
                choices=[("en", "English"), ("si", "Sinhala"), ("ta", "Tamil")],
                default="en",
                max_length=8,
                verbose_name="edition",
            ),
        ),
        migrations.AlterField(
            model_name="historicalarticle",
            name="language",
            field=models.CharField(
                choices=[("en", "English"), ("si", "Sinhala"), ("ta", "Tamil")],
                default="en",
                max_length=8,
                verbose_name="edition",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.UniqueConstraint(
                fields=("translation_group", "language"), name="one_translation_per_edition"
            ),
        ),
    ]
