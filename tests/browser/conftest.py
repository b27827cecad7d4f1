import pytest

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="package")
def browser():
    """One Chromium for the browser tests, gone when they end.

    Between its calls, Playwright's sync API leaves its event loop marked as running in this
    thread, and Django then refuses ORM calls here (SynchronousOnlyOperation) unless told they
    are safe. So the permission lasts exactly as long as Playwright runs: this package's tests,
    not the rest of the session.
    """
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _static_files_by_plain_name(settings):
    """The live server serves static files from the finders, which know no hashed names:
    without this the admin's JavaScript (autocomplete, slug from title) never loads."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
