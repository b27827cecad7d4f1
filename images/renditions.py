"""Responsive renditions of an uploaded image, written when the image is saved.

Readers' requests never touch Pillow: the fields of images.fields write the renditions' storage
names and sizes to the row (`Article.lead_image_renditions`, `Author.photo_renditions`), so
pages and the API build `srcset` without a query.
"""

import io
import posixpath
import warnings
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

MIN_WIDTH, MIN_HEIGHT = 1200, 675  # a full-width 16:9 crop at 1200 px without upscaling
WIDTHS = (480, 800, 1200, 1600)  # WebP, for srcset
CROPS = {"16x9": (16, 9), "4x3": (4, 3), "1x1": (1, 1)}  # JPEG, for cards, feeds and JSON-LD
CROP_WIDTH = 1200


@dataclass(frozen=True)
class Kind:
    """The renditions one kind of image gets."""

    widths: tuple[int, ...]  # WebP, for srcset, narrowest first
    # The srcset's shape, cut from the centre of the upload; None keeps the upload's own.
    ratio: tuple[int, int] | None = None
    crops: dict[str, tuple[int, int]] = field(default_factory=dict)  # JPEG centre crops
    crop_width: int = CROP_WIDTH


LEAD = Kind(widths=WIDTHS, crops=CROPS)
# Author photos are shown square (a 120 px circle on the author page; avatars in apps): 1x, 2x
# and a larger one for apps, never more than the upload holds (at least 200 x 200).
PORTRAIT = Kind(widths=(120, 240, 480), ratio=(1, 1))


def _encode(image: Image.Image, image_format: str) -> ContentFile:
    buffer = io.BytesIO()
    if image_format == "WEBP":
        image.save(buffer, "WEBP", quality=80, method=4)
    else:
        if image.mode == "RGBA":  # JPEG has no transparency: lay it on white, not black
            flat = Image.new("RGB", image.size, "white")
            flat.paste(image, mask=image.getchannel("A"))
            image = flat
        image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return ContentFile(buffer.getvalue())


def _upright(source) -> Image.Image:
    """The decoded image turned the way the camera meant, with no metadata carried along."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(source) as image:
            upright = ImageOps.exif_transpose(image)
            upright.load()
    has_alpha = upright.mode in ("RGBA", "LA") or "transparency" in upright.info
    pixels = upright.convert("RGBA" if has_alpha else "RGB")
    # Renditions carry pixels only: no EXIF (GPS, camera serials), XMP, comments or profiles.
    pixels.info.clear()
    return pixels


def _centre(image: Image.Image, ratio: tuple[int, int] | None) -> Image.Image:
    if ratio is None:
        return image
    across, down = ratio
    width = min(image.width, image.height * across // down)
    height = round(width * down / across)
    left, top = (image.width - width) // 2, (image.height - height) // 2
    return image.crop((left, top, left + width, top + height))


def make_renditions(*, name: str, storage, kind: Kind = LEAD) -> tuple[dict, tuple[int, int]]:
    """Write the srcset widths and the centre crops of the stored image `name` next to it.

    Returns the renditions in the schema `Article.lead_image_renditions` documents, and the
    upright size of the original. Never upscales: only widths up to the original's are made,
    and a crop is at most `kind.crop_width` wide.
    """
    with storage.open(name, "rb") as source:
        image = _upright(source)
    base = posixpath.splitext(name)[0]
    shaped = _centre(image, kind.ratio)
    srcset = []
    for width in kind.widths:
        if width > shaped.width:
            break
        height = round(shaped.height * width / shaped.width)
        resized = shaped.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        saved = storage.save(f"{base}-{width}w.webp", _encode(resized, "WEBP"))
        srcset.append({"name": saved, "width": width, "height": height})
    crops = {}
    for ratio, (across, down) in kind.crops.items():
        width = min(kind.crop_width, image.width, image.height * across // down)
        size = (width, round(width * down / across))
        cropped = ImageOps.fit(image, size, Image.Resampling.LANCZOS, centering=(0.5, 0.5))
        saved = storage.save(f"{base}-{ratio}.jpg", _encode(cropped, "JPEG"))
        crops[ratio] = {"name": saved, "width": size[0], "height": size[1]}
    return {"srcset": srcset, "crops": crops}, image.size


def rendition_names(renditions: dict) -> set[str]:
    return {item["name"] for item in renditions.get("srcset", [])} | {
        item["name"] for item in renditions.get("crops", {}).values()
    }


def make_squares(*, name: str, storage, sizes) -> dict[str, str]:
    """Write PNG squares of the stored square image `name`, one per size in `sizes`, next to it
    (site icons: PNG keeps their transparency). Returns {str(size): storage name}."""
    with storage.open(name, "rb") as source:
        image = _upright(source)
    base = posixpath.splitext(name)[0]
    squares = {}
    for size in sizes:
        square = ImageOps.fit(image, (size, size), Image.Resampling.LANCZOS, centering=(0.5, 0.5))
        buffer = io.BytesIO()
        square.save(buffer, "PNG", optimize=True)
        squares[str(size)] = storage.save(f"{base}-{size}.png", ContentFile(buffer.getvalue()))
    return squares
