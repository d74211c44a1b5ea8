"""Pillow work (run in a thread): check an image, make its variants and a blurhash."""

from __future__ import annotations

import io
import warnings

import blurhash
import msgspec
from PIL import Image

from revenge.domain.errors import RuleViolation
from revenge.domain.metadata.images import VARIANT_WIDTHS

FORMATS = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png"),
           "WEBP": ("webp", "image/webp")}
BLURHASH_COMPONENTS = (4, 3)


class Limits(msgspec.Struct, frozen=True, kw_only=True):
    max_bytes: int = 20 * 1024 * 1024
    max_pixels: int = 40_000_000


class Processed(msgspec.Struct, frozen=True, kw_only=True):
    """`variants`: (size name, extension) -> bytes, WebP ones under extension "webp"."""

    extension: str
    content_type: str
    width: int
    height: int
    blurhash: str | None
    variants: dict[tuple[str, str], bytes]


def process(data: bytes, limits: Limits) -> Processed:
    """Raises `RuleViolation` for something that is not a JPEG/PNG/WebP image or is
    larger than the limits (checked from the header, before decoding any pixel)."""
    image = _opened(data, limits)
    extension, content_type = FORMATS[image.format or ""]
    rgb = _flattened(image)
    variants: dict[tuple[str, str], bytes] = {("original", extension): data}
    variants[("original", "webp")] = data if extension == "webp" else _encoded(image, "WEBP")
    source = rgb if extension == "jpg" else image
    # Largest first, each from the previous: cheaper than resizing the original thrice.
    for size, width in sorted(VARIANT_WIDTHS.items(), key=lambda item: -item[1]):
        if source.width <= width:
            variants[(size, extension)] = variants[("original", extension)]
            variants[(size, "webp")] = variants[("original", "webp")]
            continue
        source = _resized(source, width)
        variants[(size, extension)] = _encoded(source, image.format or "JPEG")
        variants[(size, "webp")] = _encoded(source, "WEBP")
    # From the smallest variant: the same colours at a fraction of the cost.
    return Processed(extension=extension, content_type=content_type, width=image.width,
                     height=image.height, blurhash=_blurhash(_flattened(source)),
                     variants=variants)


def _opened(data: bytes, limits: Limits) -> Image.Image:
    if len(data) > limits.max_bytes:
        raise RuleViolation(f"image larger than {limits.max_bytes} bytes", field="path")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format not in FORMATS:
                raise RuleViolation(f"unsupported image format {image.format}", field="path")
            if image.width * image.height > limits.max_pixels:
                raise RuleViolation(f"image of {image.width}x{image.height} pixels is over "
                                    f"the limit of {limits.max_pixels}", field="path")
            image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombWarning,
            Image.DecompressionBombError) as exc:
        raise RuleViolation(f"not a readable image: {exc}", field="path") from None
    return image


def _flattened(image: Image.Image) -> Image.Image:
    if image.mode == "RGB":
        return image
    background = Image.new("RGB", image.size, (0, 0, 0))
    rgba = image.convert("RGBA")
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def _resized(image: Image.Image, width: int) -> Image.Image:
    if image.width <= width:
        return image
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.Resampling.BICUBIC, reducing_gap=2.0)


def _encoded(image: Image.Image, format_: str) -> bytes:
    out = io.BytesIO()
    if format_ == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=85)
    elif format_ == "PNG":
        image.save(out, "PNG")
    else:
        image.save(out, "WEBP", quality=80, method=0)
    return out.getvalue()


def _blurhash(rgb: Image.Image) -> str | None:
    small = rgb.resize((32, max(1, round(32 * rgb.height / rgb.width))),
                       Image.Resampling.BOX)  # a copy: the encoder closes what it is given
    try:
        return str(blurhash.encode(small, *BLURHASH_COMPONENTS))
    except (ValueError, TypeError):
        return None
