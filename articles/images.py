"""Lead images: responsive renditions written when an article's image is saved.

Readers' requests never touch Pillow: the renditions' storage names and sizes are written to the
article row (`Article.lead_image_renditions`), so list pages build `srcset` without a query.
"""

import io
import logging
import posixpath
import warnings

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageOps

from authors.images import CheckedImageField

logger = logging.getLogger(__name__)

MIN_WIDTH, MIN_HEIGHT = 1200, 675  # a full-width 16:9 crop at 1200 px without upscaling
WIDTHS = (480, 800, 1200, 1600)  # WebP, for srcset
CROPS = {"16x9": (16, 9), "4x3": (4, 3), "1x1": (1, 1)}  # JPEG, for cards, feeds and JSON-LD
CROP_WIDTH = 1200


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


def make_renditions(*, name: str, storage) -> tuple[dict, tuple[int, int]]:
    """Write the srcset widths and the centre crops of the stored image `name` next to it.

    Returns the renditions in the schema `Article.lead_image_renditions` documents, and the
    upright size of the original. Never upscales: only widths up to the original's are made,
    and a crop is at most CROP_WIDTH wide.
    """
    with storage.open(name, "rb") as source:
        image = _upright(source)
    base = posixpath.splitext(name)[0]
    srcset = []
    for width in WIDTHS:
        if width > image.width:
            break
        height = round(image.height * width / image.width)
        resized = image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        saved = storage.save(f"{base}-{width}w.webp", _encode(resized, "WEBP"))
        srcset.append({"name": saved, "width": width, "height": height})
    crops = {}
    for ratio, (across, down) in CROPS.items():
        width = min(CROP_WIDTH, image.width, image.height * across // down)
        size = (width, round(width * down / across))
        cropped = ImageOps.fit(image, size, Image.Resampling.LANCZOS, centering=(0.5, 0.5))
        saved = storage.save(f"{base}-{ratio}.jpg", _encode(cropped, "JPEG"))
        crops[ratio] = {"name": saved, "width": size[0], "height": size[1]}
    return {"srcset": srcset, "crops": crops}, image.size


def rendition_names(renditions: dict) -> set[str]:
    return {item["name"] for item in renditions.get("srcset", [])} | {
        item["name"] for item in renditions.get("crops", {}).values()
    }


def _delete_after_commit(storage, names):
    # After commit, so a rolled-back save never loses the files its row still names.
    def delete():
        for name in names:
            storage.delete(name)

    if names:
        transaction.on_commit(delete)


class LeadImageField(CheckedImageField):
    """The article's lead image; saving a new one also writes its renditions and byte size.

    Like `width_field`/`height_field`, the derived columns are kept in step with the image by
    the field itself, so every path that saves an image (admin, scripts, demo loader, a
    history restore) gets renditions, and none is made in a reader's request.
    """

    def __init__(self, *args, renditions_field=None, bytes_field=None, **kwargs):
        self.renditions_field, self.bytes_field = renditions_field, bytes_field
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return (
            name,
            path,
            args,
            kwargs
            | {
                "renditions_field": self.renditions_field,
                "bytes_field": self.bytes_field,
            },
        )

    def pre_save(self, model_instance, add):
        upload = getattr(model_instance, self.attname)
        fresh = bool(upload) and not upload._committed
        file = super().pre_save(model_instance, add)  # stores a new upload, without metadata
        old = getattr(model_instance, self.renditions_field) or {}
        if not file:
            self._record(model_instance, {}, None)
        elif fresh:
            renditions, size = make_renditions(name=file.name, storage=file.storage)
            self._record(model_instance, renditions, file.size, size)
        elif not self._renditions_present(file, old):
            self._remake(model_instance, file)
        _delete_after_commit(
            self.storage,
            rendition_names(old) - rendition_names(getattr(model_instance, self.renditions_field)),
        )
        return file

    def _renditions_present(self, file, renditions):
        names = sorted(rendition_names(renditions))
        return bool(names) and file.storage.exists(names[0])

    def _remake(self, model_instance, file):
        # An image restored from history, or saved before renditions existed.
        try:
            renditions, size = make_renditions(name=file.name, storage=file.storage)
        except (OSError, Image.DecompressionBombError, Image.DecompressionBombWarning):
            logger.warning("Cannot make renditions of %s; the original is shown.", file.name)
            self._record(model_instance, {}, getattr(model_instance, self.bytes_field))
            return
        self._record(model_instance, renditions, file.size, size)

    def _record(self, model_instance, renditions, byte_size, size=None):
        setattr(model_instance, self.renditions_field, renditions)
        setattr(model_instance, self.bytes_field, byte_size)
        if size:  # upright, so width and height match what browsers show
            setattr(model_instance, self.width_field, size[0])
            setattr(model_instance, self.height_field, size[1])
