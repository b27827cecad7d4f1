import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from factory.django import DjangoModelFactory

from articles.models import Article, ArticleAuthor, Category, LiveEntry
from authors.models import Author


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password("correct horse battery staple")
    is_staff = True


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")
    menu_position = factory.Sequence(int)


class AuthorFactory(DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Reporter {n}")
    slug = factory.Sequence(lambda n: f"reporter-{n}")
    job_title = "Reporter"


class ArticleFactory(DjangoModelFactory):
    """A draft by default; `live=True` publishes it an hour ago (or at `published_at`)."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    class Params:
        live = factory.Trait(
            status=Article.Status.PUBLISHED,
            published_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1)),
        )
        # A 1600 x 900 JPEG drawn with Pillow in memory; saving it writes its renditions.
        with_image = factory.Trait(
            lead_image=factory.django.ImageField(
                filename="lead.jpg", format="JPEG", width=1600, height=900, color="teal"
            ),
            lead_image_alt="A teal test card",
        )

    title = factory.Sequence(lambda n: f"Story number {n}")
    slug = factory.Sequence(lambda n: f"story-number-{n}")
    standfirst = "What happened, in a sentence."
    body = "<p>The first paragraph of the story.</p>"
    category = factory.SubFactory(CategoryFactory)
    status = Article.Status.DRAFT

    @factory.post_generation
    def authors(article, create, extracted, **kwargs):
        """`authors=[a, b]` sets the byline in that order; by default one new author."""
        if not create:
            return
        people = extracted if extracted is not None else [AuthorFactory()]
        for position, person in enumerate(people):
            role = ""
            if isinstance(person, tuple):
                person, role = person
            ArticleAuthor.objects.create(
                article=article, author=person, role=role, position=position
            )


class EnquiryFactory(DjangoModelFactory):
    """An advertising enquiry as the public form stores it (status new, not yet e-mailed)."""

    class Meta:
        model = "advertising.Enquiry"

    name = factory.Sequence(lambda n: f"Advertiser {n}")
    organisation = factory.Sequence(lambda n: f"Company {n}")
    email = factory.LazyAttribute(lambda e: f"{e.name.lower().replace(' ', '.')}@example.lk")
    interest = "website"
    message = "We would like a banner campaign."


class LiveEntryFactory(DjangoModelFactory):
    """An update of a live blog; `article` should be an article with coverage open."""

    class Meta:
        model = LiveEntry

    body = factory.Sequence(lambda n: f"<p>Update number {n} from the count.</p>")
