"""What the site-settings tests post: the admin's form as it stands, with some changes."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.fields.files import FieldFile
from PIL import Image

CHANGE_URL = "/admin/brand/sitesettings/1/change/"


def png(width, height, *, name="icon.png", color=(200, 16, 46, 255)):
    buffer = io.BytesIO()
    Image.new("RGBA", (width, height), color).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def form_data(client, **changes):
    """The change form's current values (as a browser would send them back), then `changes`."""
    response = client.get(CHANGE_URL)
    assert response.status_code == 200
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is not None and not isinstance(value, FieldFile):  # files are not sent back
            data[name] = value
    data.update(changes)
    return data


def post(client, **changes):
    return client.post(CHANGE_URL, form_data(client, **changes))
