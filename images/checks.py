"""Uploaded images, checked by their content before anything is stored, and re-encoded without
their metadata."""

import io
import posixpath
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
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
    "not_square": _(
        "This image must be square; it is %(width)s × %(height)s pixels."  # noqa: RUF001
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
                if image.width * image.height > settings.IMAGE_MAX_PIXELS:
                    raise _refuse("too_many_pixels", limit=_millions(settings.IMAGE_MAX_PIXELS))
                # First, on an image just opened: a PNG's getexif() reads the file on, and
                # verify() then refuses to run.
                image.verify()
            # verify() does not decode, and lets a truncated JPEG through; decoding does not.
            file.seek(0)
            with Image.open(file, formats=FORMATS) as image:
                width, height = image.size
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


def validate_square(file) -> None:
    """The icon is cut into squares: a wide or tall image would lose its sides."""
    if getattr(file, "_committed", False):
        return  # stored, so checked when it was uploaded
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                width, height = image.size
    except (OSError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return  # not an image, or too big: images.checks gives the reason
    finally:
        file.seek(0)
    if width != height:
        raise _refuse("not_square", width=width, height=height)
