"""Image uploads for tests, good and bad, built in memory."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def jpeg(width, height, *, name="photo.jpg", exif=None, color=(200, 80, 40)):
    buffer = io.BytesIO()
    image = Image.new("RGB", (width, height), color)
    image.save(buffer, "JPEG", quality=85, exif=exif or Image.Exif())
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def text_named_jpg():
    return SimpleUploadedFile("photo.jpg", b"Not an image at all.\n" * 50, "image/jpeg")


def truncated_jpeg():
    whole = jpeg(1600, 900, color=(10, 120, 200)).read()
    # Noise would compress badly; a plain colour is tiny, so cut deep into the scan data.
    return SimpleUploadedFile("cut.jpg", whole[: len(whole) // 2], "image/jpeg")


def png_header_only(width=20_000, height=20_000):
    """A PNG signature and IHDR chunk (with a correct CRC) claiming a size; no pixels follow."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    content = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")
    return SimpleUploadedFile("huge.png", content, "image/png")
