import pytest

from pages.models import Page

pytestmark = pytest.mark.django_db


def test_fixed_pages_show_their_text_escaped_and_are_linked_from_the_footer(client):
    Page.objects.create(title="About us", slug="about", body="We report.\n\n<script>x</script>")
    Page.objects.create(title="Privacy", slug="privacy", body="Your data.", footer_position=1)

    response = client.get("/about/")
    assert "<h1>About us</h1>" in response.text
    assert "<p>We report.</p>" in response.text
    assert "<script>x</script>" not in response.text
    home = client.get("/").text
    assert '<a href="/about/">About us</a>' in home
    assert '<a href="/privacy/">Privacy</a>' in home
