"""Lead images for the demo articles, drawn at load time: no image files live in the repo."""

import io
import random

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1600, 900

# Per section: gradient start, gradient end, and a word describing the pair for alt text.
PALETTES = {
    "local": ((14, 92, 99), (46, 160, 120), "teal and green"),
    "business": ((22, 44, 92), (64, 120, 190), "navy and blue"),
    "world": ((60, 40, 110), (150, 90, 170), "violet and purple"),
    "sport": ((150, 40, 30), (235, 140, 40), "red and orange"),
    "entertainment": ((120, 20, 80), (230, 90, 120), "magenta and pink"),
    "technology": ((20, 30, 40), (40, 150, 170), "charcoal and cyan"),
}
DEFAULT_PALETTE = ((40, 40, 40), (120, 120, 120), "grey")


def palette_words(category_slug: str) -> str:
    return PALETTES.get(category_slug, DEFAULT_PALETTE)[2]


def draw_lead_image(*, category_slug: str, label: str, seed: str) -> bytes:
    """A 1600x900 JPEG: the section's colour gradient, a few soft shapes and the section's name.

    `seed` (the article's slug) makes each image different but the same on every run.
    """
    start, end, _words = PALETTES.get(category_slug, DEFAULT_PALETTE)
    rng = random.Random(seed)

    # A small gradient scaled up is far cheaper than painting 1.4 million pixels one by one.
    vertical = Image.linear_gradient("L")
    horizontal = vertical.rotate(rng.choice((90, 270)))
    mask = Image.blend(vertical, horizontal, rng.uniform(0.3, 0.7))
    mask = mask.resize((WIDTH, HEIGHT), Image.Resampling.BILINEAR)
    image = Image.composite(
        Image.new("RGB", (WIDTH, HEIGHT), end), Image.new("RGB", (WIDTH, HEIGHT), start), mask
    )

    overlay = Image.new("RGBA", (WIDTH, HEIGHT), (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for _ in range(rng.randint(3, 5)):
        x, y = rng.randint(-200, WIDTH), rng.randint(-200, HEIGHT)
        size = rng.randint(160, 520)
        fill = (255, 255, 255, rng.randint(18, 48))
        if rng.random() < 0.6:
            draw.ellipse((x, y, x + size, y + size), fill=fill)
        else:
            draw.rounded_rectangle((x, y, x + size * 1.6, y + size // 3), radius=40, fill=fill)
    draw.rectangle((0, HEIGHT - 24, WIDTH, HEIGHT), fill=(255, 255, 255, 90))
    font = ImageFont.load_default(size=150)
    draw.text((90, HEIGHT - 150), label.upper(), font=font, fill=(255, 255, 255, 215), anchor="ls")
    image = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")

    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82, optimize=False)
    return buffer.getvalue()
