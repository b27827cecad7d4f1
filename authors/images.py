"""Uploaded images, checked by their content before anything is stored.

Author photos use it here; articles imports it for lead images (authors never imports articles).
"""

import functools
import io
import posixpath
import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

FORMATS = ["JPEG", "PNG", "WEBP"]
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
EXIF_ORIENTATION = 0x0112
QUARTER_TURNS = {5, 6, 7, 8}  # EXIF orientations that swap width and height

MESSAGES = {
    "too_large": _("This file is %(size)s; an image may be at most %(limit)s."),
    "not_an_image": _("This file is not a JPEG, PNG or WebP image."),
    "too_many_pixels": _(
        "This image has too many pixels; at most %(limit)s million are allowed. "
        "Please upload a smaller version."
    ),
    "too_small": _(
        "This image is %(width)s × %(height)s pixels; it must be at least "  # noqa: RUF001
        "%(min_width)s × %(min_height)s pixels."  # noqa: RUF001
    ),
    "damaged": _("This image is damaged or incomplete; please export it again and re-upload."),
}


def _millions(pixels):
    return f"{pixels / 1_000_000:g}"


def _refuse(code, **params):
    return ValidationError(MESSAGES[code], code=code, params=params)


def validate_image(file, *, min_width: int = 0, min_height: int = 0) -> None:
    """Refuse anything but a complete JPEG, PNG or WebP within the size and pixel limits.

    The pixel count comes from the header, before a single pixel is decoded, so a small file
    that claims to be enormous (a decompression bomb) never reaches the decoder.
    """
    limit = settings.IMAGE_MAX_BYTES
    if file.size > limit:
        raise _refuse("too_large", size=filesizeformat(file.size), limit=filesizeformat(limit))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            file.seek(0)
            with Image.open(file, formats=FORMATS) as image:
                width, height = image.size
                if width * height > settings.IMAGE_MAX_PIXELS:
                    raise _refuse("too_many_pixels", limit=_millions(settings.IMAGE_MAX_PIXELS))
                if image.getexif().get(EXIF_ORIENTATION) in QUARTER_TURNS:
                    width, height = height, width
                if width < min_width or height < min_height:
                    raise _refuse(
                        "too_small",
                        width=width,
                        height=height,
                        min_width=min_width,
                        min_height=min_height,
                    )
                image.verify()
            # verify() does not decode, and lets a truncated JPEG through; decoding does not.
            file.seek(0)
            with Image.open(file, formats=FORMATS) as image:
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse("too_many_pixels", limit=_millions(settings.IMAGE_MAX_PIXELS)) from None
    except UnidentifiedImageError:
        raise _refuse("not_an_image") from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise _refuse("damaged") from None
    finally:
        file.seek(0)


def without_metadata(file) -> ContentFile:
    """The checked image turned upright and re-encoded in its own format with only its pixels
    and colour profile: EXIF (GPS position, camera serial numbers), XMP and comments stay behind.
    """
    file.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(file, formats=FORMATS) as image:
            image_format, profile = image.format, image.info.get("icc_profile")
            upright = ImageOps.exif_transpose(image)
    upright.info = {k: v for k, v in upright.info.items() if k == "transparency"}
    options = {"JPEG": {"quality": 92}, "WEBP": {"quality": 90}, "PNG": {}}[image_format]
    buffer = io.BytesIO()
    upright.save(buffer, image_format, icc_profile=profile, **options)
    file.seek(0)
    # Named for what it is, so its type (feed enclosures, downloads) never depends on a guess.
    stem = posixpath.splitext(posixpath.basename(file.name))[0]
    return ContentFile(buffer.getvalue(), name=f"{stem}{EXTENSIONS[image_format]}")


def media_url(storage, name: str) -> str:
    """`storage.url(name)`, remembered per name: a front page asks for a few hundred image URLs
    and each costs a urljoin. Signed URLs (S3 with query-string auth) expire, so are not kept."""
    if getattr(storage, "querystring_auth", False):
        return storage.url(name)
    return _remembered_url(storage, name)


@functools.lru_cache(maxsize=8192)
def _remembered_url(storage, name):
    return storage.url(name)


@receiver(setting_changed)
def _forget_urls(*, setting, **kwargs):
    if setting in {"MEDIA_URL", "STORAGES"}:
        _remembered_url.cache_clear()


@deconstructible
class ImageValidator:
    """Model-field validator: checks a newly assigned file; a stored one was checked on upload."""

    def __init__(self, *, min_width: int = 0, min_height: int = 0):
        self.min_width, self.min_height = min_width, min_height

    def __call__(self, value):
        if getattr(value, "_committed", False):
            return
        validate_image(value, min_width=self.min_width, min_height=self.min_height)

    def __eq__(self, other):
        return isinstance(other, ImageValidator) and vars(self) == vars(other)


class CheckedImageFormField(forms.ImageField):
    """An image upload checked by `validate_image` first, so people see its precise messages."""

    def __init__(self, *, min_width: int = 0, min_height: int = 0, **kwargs):
        self.min_width, self.min_height = min_width, min_height
        super().__init__(**kwargs)

    def to_python(self, data):
        if data not in self.empty_values and getattr(data, "size", 0):
            validate_image(data, min_width=self.min_width, min_height=self.min_height)
        return super().to_python(data)


class CheckedImageField(models.ImageField):
    """An ImageField whose uploads pass `validate_image`, in forms and in `full_clean()`."""

    def __init__(self, *args, min_width: int = 0, min_height: int = 0, **kwargs):
        self.min_width, self.min_height = min_width, min_height
        super().__init__(*args, **kwargs)

    @property
    def validators(self):
        return [
            *super().validators,
            ImageValidator(min_width=self.min_width, min_height=self.min_height),
        ]

    def pre_save(self, model_instance, add):
        upload = getattr(model_instance, self.attname)
        if upload and not upload._committed:
            # Readers get the original too: it must not tell them where it was taken.
            setattr(model_instance, self.attname, without_metadata(upload))
        return super().pre_save(model_instance, add)

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        # Every row loaded from the database comes through here (post_init): with its size
        # already stored, skip Django's check, which builds a FieldFile per row of a list.
        stored = instance.__dict__
        if not force and stored.get(self.width_field) and stored.get(self.height_field):
            return
        # Pillow refuses to read the size of a decompression bomb: leave it unknown and let
        # validation give the reason, rather than failing on assignment.
        try:
            super().update_dimension_fields(instance, force, *args, **kwargs)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            for dimension_field in (self.width_field, self.height_field):
                if dimension_field:
                    setattr(instance, dimension_field, None)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        limits = {"min_width": self.min_width, "min_height": self.min_height}
        return name, path, args, kwargs | limits

    def formfield(self, **kwargs):
        return super().formfield(
            **{
                "form_class": CheckedImageFormField,
                "min_width": self.min_width,
                "min_height": self.min_height,
                **kwargs,
            }
        )
