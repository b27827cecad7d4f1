"""Every string readers see has a Sinhala and a Tamil translation: what Babel extracts from the
reader templates, the e-mails and the reader-facing Python (pyproject.toml's [tool.babel]) is in
each catalog, translated, not fuzzy, with its placeholders and markup kept."""

import re
from collections import Counter

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po
from django.conf import settings

LANGUAGES = ["si", "ta"]
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]")
TAG = re.compile(r"<[^>]+>")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory, monkeypatch_module):
    monkeypatch_module.chdir(settings.BASE_DIR)
    template = tmp_path_factory.mktemp("catalogs") / "django.pot"
    CommandLineInterface().run(["pybabel", "-q", "extract", "-o", str(template)])
    with template.open("rb") as file:
        return [message for message in read_po(file) if message.id]


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def catalog(language):
    with (settings.BASE_DIR / f"locale/{language}/LC_MESSAGES/django.po").open("rb") as file:
        return read_po(file)


def texts(message):
    return list(message.id) if isinstance(message.id, tuple) else [message.id]


def translations(message):
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def test_extraction_finds_the_reader_strings(extracted):
    ids = {message.id for message in extracted}
    # A template, an e-mail, a form, a byline and a list pattern: each kind of source is read.
    assert "Latest News" in ids
    assert "Dear %(name)s," in ids
    assert "Please tell us your name." in ids
    assert "Written by" in ids
    assert "%(first)s and %(last)s" in ids


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_extracted_string_is_translated(extracted, language):
    translated = catalog(language)
    assert not translated.fuzzy
    missing = []
    for wanted in extracted:
        found = translated.get(wanted.id, context=wanted.context)
        if found is None or found.fuzzy or not all(text.strip() for text in translations(found)):
            missing.append(wanted.id)
    assert not missing, f"untranslated in {language} (run make messages, then translate): {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_and_markup(extracted, language):
    translated = catalog(language)
    for wanted in extracted:
        found = translated.get(wanted.id, context=wanted.context)
        if found is None:
            continue
        source = texts(wanted)[-1]
        for text in translations(found):
            assert Counter(PLACEHOLDER.findall(text)) == Counter(PLACEHOLDER.findall(source)), text
            # Same elements and attributes (the text between them is translated).
            assert sorted(TAG.findall(text)) == sorted(TAG.findall(source)), text
