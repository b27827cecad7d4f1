"""Post the real admin change form as a browser would: every field it renders, plus changes."""

import html5lib


def admin_form_data(response, form_id="article_form"):
    """The values a browser would submit from the admin form in `response` (files excluded).

    Read from the rendered form, so the management forms of the inlines and any hidden fields
    (such as an edit lock's version) are always exactly what the admin expects.
    """
    page = response.content.decode()
    # Parsing only the form keeps this quick on the admin's long pages.
    start = page.rindex("<form", 0, page.index(f'id="{form_id}"'))
    fragment = page[start : page.index("</form>", start) + len("</form>")]
    form = html5lib.parseFragment(fragment, "div", namespaceHTMLElements=False)
    form = form.find(f".//form[@id='{form_id}']")
    data = {}
    for field in form.iter():
        name = field.get("name")
        if field.tag not in ("input", "select", "textarea") or not name or "__prefix__" in name:
            continue
        if field.tag == "textarea":
            data[name] = field.text or ""
        elif field.tag == "select":
            options = field.iter("option")
            chosen = [o.get("value", o.text) for o in options if "selected" in o.attrib]
            if chosen:
                data[name] = chosen if "multiple" in field.attrib else chosen[0]
        elif field.get("type") in ("checkbox", "radio"):
            if "checked" in field.attrib:
                data[name] = field.get("value", "on")
        elif field.get("type") not in ("file", "submit", "button", "reset", "image"):
            data[name] = field.get("value", "")
    return data
