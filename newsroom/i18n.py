"""Message extraction for the translation catalogs (locale/), run by Babel (`make messages`,
configured in pyproject.toml's [tool.babel] tables): reader templates are Jinja2, read by
Jinja2's own extractor; Python by Babel's; e-mails are Django templates, read here."""

import io

from babel.messages.extract import extract_python
from django.utils.translation.template import templatize


def extract_django(fileobj, keywords, comment_tags, options):
    """Babel extractor for Django templates: Django turns `{% translate %}` and
    `{% blocktranslate %}` into gettext calls (as its makemessages does), and Babel's Python
    extractor reads those."""
    encoding = options.get("encoding", "utf-8")
    code = templatize(fileobj.read().decode(encoding))
    return extract_python(io.BytesIO(code.encode(encoding)), keywords, comment_tags, options)
