"""`FileImageStore`: a content-addressed image cache under <data_dir>/images.

    originals/ab/<sha256>.<ext>          the bytes as the host sent them
    variants/<sha256>/<size>.<ext|webp>  resized copies (w185, w342, w780, original)
    index/<kind>/<file name>.json        provider path -> StoredImage

Every path is built from a checked provider path (one safe file name) or a hex hash,
and checked again to resolve inside the root before any read or write.
"""

from __future__ import annotations

import asyncio
import errno
import hashlib
import os
import tempfile
from pathlib import Path

import msgspec

from revenge.adapters.images.download import ImageDownloader
from revenge.adapters.images.processing import Limits, Processed, process
from revenge.application.metadata.read_models import ImageFile, StoredImage
from revenge.domain.errors import DiskFull, RuleViolation
from revenge.domain.metadata.images import (
    CONTENT_TYPES,
    ImageKind,
    checked_kind,
    checked_path,
    checked_size,
)


class FileImageStore:
    def __init__(self, root: Path, downloader: ImageDownloader,
                 limits: Limits | None = None) -> None:
        self._root = root.resolve()
        self._downloader = downloader
        self._limits = limits or Limits()
        self._locks: dict[str, asyncio.Lock] = {}

    async def store(self, kind: ImageKind, source_path: str) -> StoredImage:
        path = checked_path(source_path)
        checked_kind(kind)
        async with self._locks.setdefault(path, asyncio.Lock()):
            try:
                if (known := await asyncio.to_thread(self._indexed, kind, path)) is not None:
                    return known
                data = await self._downloader.download(path)
                return await asyncio.to_thread(self._save_or_disk_full, kind, path, data)
            finally:
                self._locks.pop(path, None)

    async def variant(self, kind: ImageKind, source_path: str, size: str, *,
                      webp: bool) -> ImageFile | None:
        path, size = checked_path(source_path), checked_size(size)
        return await asyncio.to_thread(self._variant, checked_kind(kind), path, size, webp)

    def _variant(self, kind: ImageKind, path: str, size: str, webp: bool) -> ImageFile | None:
        stored = self._indexed(kind, path)
        if stored is None:
            return None
        extension = stored.content_type.rsplit("/", 1)[1].replace("jpeg", "jpg")
        for ext in (("webp", extension) if webp else (extension,)):
            file = self._inside(self._root / "variants" / stored.content_hash / f"{size}.{ext}")
            if file.is_file():
                etag = f'"{stored.content_hash[:32]}-{size}-{ext}"'
                return ImageFile(path=str(file), content_type=CONTENT_TYPES[ext],
                                 size_bytes=file.stat().st_size, etag=etag)
        return None

    def _indexed(self, kind: ImageKind, path: str) -> StoredImage | None:
        index = self._index_file(kind, path)
        if not index.is_file():
            return None
        return msgspec.json.decode(index.read_bytes(), type=StoredImage)

    def _save_or_disk_full(self, kind: ImageKind, path: str, data: bytes) -> StoredImage:
        try:
            return self._save(kind, path, data)
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise DiskFull("image cache", str(self._root)) from exc
            raise

    def _save(self, kind: ImageKind, path: str, data: bytes) -> StoredImage:
        processed = process(data, self._limits)
        digest = hashlib.sha256(data).hexdigest()
        self._write(self._root / "originals" / digest[:2] / f"{digest}.{processed.extension}",
                    data)
        self._write_variants(digest, processed)
        stored = StoredImage(source_path=path, kind=kind, content_hash=digest,
                             content_type=processed.content_type, width=processed.width,
                             height=processed.height, size_bytes=len(data),
                             blurhash=processed.blurhash)
        self._write(self._index_file(kind, path), msgspec.json.encode(stored))
        return stored

    def _write_variants(self, digest: str, processed: Processed) -> None:
        for (size, ext), data in processed.variants.items():
            self._write(self._root / "variants" / digest / f"{size}.{ext}", data)

    def _index_file(self, kind: ImageKind, path: str) -> Path:
        return self._inside(self._root / "index" / kind / f"{path.lstrip('/')}.json")

    def _inside(self, path: Path) -> Path:
        resolved = path.resolve()
        if not resolved.is_relative_to(self._root):
            raise RuleViolation("image path outside the cache", field="path")
        return resolved

    def _write(self, target: Path, data: bytes) -> None:
        target = self._inside(target)
        if target.is_file():
            return  # content-addressed: the same name holds the same bytes
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)  # a full disk leaves no half-written file
            raise
