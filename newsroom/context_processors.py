from django.conf import settings

from articles.models import Category
from pages.models import Page


def site(request):
    """What every page's header and footer show."""
    return {
        "site_name": settings.SITE_NAME,
        "advertising_email": settings.ADVERTISING_EMAIL,
        "menu_categories": Category.menu(),
        "footer_pages": Page.footer_links(),
    }
