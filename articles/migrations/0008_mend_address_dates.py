"""Articles written as published by scripts before the address rule lived in the model had no
address date (their pages redirected to themselves): give each the date of its publish time."""

from django.db import migrations
from django.utils import timezone


def mend_address_dates(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    broken = Article.objects.filter(url_date__isnull=True, published_at__isnull=False)
    for article in broken.only("pk", "published_at").iterator():
        Article.objects.filter(pk=article.pk).update(
            url_date=timezone.localdate(article.published_at)
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_search_vector_in_the_database")]

    operations = [migrations.RunPython(mend_address_dates, migrations.RunPython.noop)]
