"""Text out of an uploaded resume: PDF (pypdf), DOCX (python-docx) or TXT (any encoding).

`check_upload` refuses from what Telegram reports (name, type, size) before anything is
downloaded; `extract_text` parses the bytes in a child process, within `PARSE_TIMEOUT`
seconds. Every refusal is a
`DocumentError` whose `problem` names what is wrong with the file and whose `details` carry its
figures; handlers word it from the catalogue as `documents-<problem>` (which formats to send
instead is the caller's to say). The text itself is never logged.

Job descriptions (`bot.services.jobs`) use the same extractor with their own type, size and
length rules.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import multiprocessing
import re
import threading
import time
import unicodedata
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import _Cell as DocxCell
    from docx.text.paragraph import Paragraph as DocxParagraph

log = logging.getLogger(__name__)

MAX_BYTES = 10 * 1024 * 1024
MAX_PAGES = 30
# About 30 pages of dense text; DOCX and TXT have no pages, so they are cut by length.
MAX_CHARS = 90_000
MIN_CHARS = 100  # fewer letters and digits than this is not a resume we can review
# A DOCX is a zip; refuse one that would inflate to more than this (a zip bomb).
MAX_DOCX_UNZIPPED = 100 * 1024 * 1024
PARSE_TIMEOUT = 30.0  # seconds for one file, waiting for a free parser included
PARSE_WORKERS = 2  # files parsed at once; more wait (within their PARSE_TIMEOUT)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc, and password-protected .docx
# Encodings tried for TXT that is not UTF-8: the usual single-byte Western, Central European,
# Cyrillic, Greek, Turkish and Baltic code pages, and the common East Asian ones.
_TXT_ENCODINGS = [
    "utf_16",
    "utf_32",
    "cp1252",
    "cp1251",
    "cp1250",
    "koi8_r",
    "cp1253",
    "cp1254",
    "cp1257",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_kr",
]


class DocumentKind(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    TXT = "txt"


_BY_EXTENSION = {".pdf": DocumentKind.PDF, ".docx": DocumentKind.DOCX, ".txt": DocumentKind.TXT}
_BY_MIME = {
    "application/pdf": DocumentKind.PDF,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": DocumentKind.DOCX,
    "text/plain": DocumentKind.TXT,
}
# Formats people often send instead, each refused with its own advice (`documents-unsupported`).
KNOWN_OTHER_FORMATS = frozenset({"doc", "pages", "odt", "rtf"})


class DocumentError(Exception):
    """The upload can't be used. `problem` names why (handlers word it as
    `documents-<problem>`), `details` carries its figures (limit_mb, letters, extension)."""

    def __init__(self, problem: str, **details: object) -> None:
        super().__init__(problem)  # pickles through the parser pipe: args, then __dict__
        self.problem = problem
        self.details = details


class UnsupportedType(DocumentError):
    pass


class TooLarge(DocumentError):
    pass


class EmptyDocument(DocumentError):
    pass


class Unreadable(DocumentError):
    """Corrupt or not what its name says."""


class Encrypted(DocumentError):
    pass


class NoText(DocumentError):
    """Opened fine but holds (almost) no selectable text: a scan or an image."""


class TooSlow(DocumentError):
    """Not read within PARSE_TIMEOUT (a crafted or pathological file); the parser was stopped."""


@dataclass(frozen=True, slots=True)
class ExtractedText:
    text: str
    kind: DocumentKind
    pages: int | None  # PDF only
    truncated: bool  # cut at MAX_PAGES pages or MAX_CHARS characters


def check_upload(file_name: str | None, mime_type: str | None, size: int | None) -> DocumentKind:
    """The kind of document from its name and type, or a DocumentError, before downloading."""
    kind = document_kind(file_name, mime_type)
    if size is not None and size > MAX_BYTES:
        raise _too_large()
    if size == 0:
        raise EmptyDocument("empty")
    return kind


def document_kind(file_name: str | None, mime_type: str | None) -> DocumentKind:
    suffix = PurePath(file_name or "").suffix.lower()
    if suffix in _BY_EXTENSION:
        return _BY_EXTENSION[suffix]
    mime = (mime_type or "").split(";")[0].strip().lower()
    if not suffix and mime in _BY_MIME:
        return _BY_MIME[mime]
    extension = suffix.removeprefix(".")
    raise UnsupportedType(
        "unsupported", extension=extension if extension in KNOWN_OTHER_FORMATS else "other"
    )


def _too_large() -> TooLarge:
    return TooLarge("too-large", limit_mb=MAX_BYTES // 1024 // 1024)


async def extract_text(
    content: bytes,
    kind: DocumentKind,
    *,
    min_chars: int = MIN_CHARS,
    timeout: float | None = None,
) -> ExtractedText:
    """The document's text, tidied and cut to about 30 pages. Fewer than `min_chars` letters
    and digits is refused (the default is a resume's minimum).

    Parsing runs in a child process, at most PARSE_WORKERS at once, and is stopped after
    `timeout` seconds (PARSE_TIMEOUT; waiting for a free parser included): `TooSlow`."""
    if len(content) > MAX_BYTES:
        raise _too_large()
    if not content.strip():
        raise EmptyDocument("empty")
    limit = PARSE_TIMEOUT if timeout is None else timeout
    abandoned = threading.Event()
    job = _parsers().submit(
        _parse_in_child, content, kind, min_chars, time.monotonic() + limit, abandoned
    )
    try:
        return await asyncio.wait_for(asyncio.wrap_future(job), limit)
    except TimeoutError:
        abandoned.set()
        if not job.cancel():  # it is running: wait the moment it takes to stop its process
            with contextlib.suppress(Exception):
                await asyncio.wrap_future(job)
        raise _too_slow() from None
    finally:
        abandoned.set()  # a parser still running for this file (e.g. cancelled) is stopped


# ----- the parser processes -------------------------------------------------------------------
# Why processes: pypdf and python-docx are pure Python. A crafted file (e.g. one huge content
# stream shared by every page) keeps a parser busy for minutes; in a thread it can't be stopped,
# holds the GIL against the event loop and takes a pool worker until it is done. A child
# process is killed at the deadline. Each file gets its own, forked from a forkserver that has
# the parsers imported already (~20 ms each; as multiprocessing does, a child imports the main
# script, which `python -m bot` skips); the small dedicated thread pool only waits for them, and
# bounds how many run at once. Their log lines are logged here, by this process's logging.
_PARSERS: ThreadPoolExecutor | None = None
_PARSERS_LOCK = threading.Lock()
_PRELOAD = ["pypdf", "docx", "charset_normalizer", __name__]


def _parsers() -> ThreadPoolExecutor:
    global _PARSERS
    with _PARSERS_LOCK:
        if _PARSERS is None:
            _PARSERS = ThreadPoolExecutor(PARSE_WORKERS, thread_name_prefix="document-parser")
        return _PARSERS


def _context() -> Any:
    if "forkserver" not in multiprocessing.get_all_start_methods():  # pragma: no cover
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    return context


def _too_slow() -> TooSlow:
    return TooSlow("too-slow")


def _parse_in_child(
    content: bytes,
    kind: DocumentKind,
    min_chars: int,
    deadline: float,
    abandoned: threading.Event,
) -> ExtractedText:
    """`_extract` in a child process (run in a parser thread): its result or its
    DocumentError; TooSlow, the child killed, at the deadline or once the caller gave up."""
    if abandoned.is_set() or time.monotonic() >= deadline:
        raise _too_slow()  # waited too long for a free parser
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_child, args=(sender, content, kind, min_chars), name="document-parser"
    )
    child.daemon = True
    try:
        child.start()
        sender.close()
        while not receiver.poll(0.05):
            if abandoned.is_set() or time.monotonic() >= deadline:
                log.warning("Stopped parsing a %s file: too slow", kind)
                raise _too_slow()
            if not child.is_alive() and not receiver.poll(0):
                raise EOFError
        ok, value, records = receiver.recv()
    except EOFError:  # the child ended without answering
        child.join()
        raise _no_answer(child.exitcode) from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    for record in records:  # the child's log lines, through this process's logging
        logger = logging.getLogger(record.name)
        if logger.isEnabledFor(record.levelno):
            logger.handle(record)
    if ok:
        return value  # type: ignore[no-any-return]
    raise value


def _no_answer(exitcode: int | None) -> Exception:
    if exitcode is not None and exitcode < 0:  # killed, e.g. out of memory: blame the file
        log.warning("A parser process was killed by signal %s", -exitcode)
        return Unreadable("damaged")
    log.error("A parser process failed to start or crashed (exit code %s)", exitcode)
    return RuntimeError(f"the document parser process ended with code {exitcode}")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the record in a form that pickles: its message formatted, any traceback as
        text."""
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + logging.Formatter().formatException(record.exc_info)
        record.msg, record.args = message, None
        record.exc_info = record.exc_text = record.stack_info = None
        self.records.append(record)


def _child(
    sender: Any, content: bytes, kind: DocumentKind, min_chars: int
) -> None:  # pragma: no cover (runs in the child process)
    collect = _Collect()
    root = logging.getLogger()
    root.handlers[:] = [collect]  # everything goes to the parent, which logs it
    root.setLevel(logging.INFO)
    try:
        answer = (True, _extract(content, kind, min_chars), collect.records)
    except DocumentError as exc:
        answer = (False, exc, collect.records)
    except Exception as exc:  # a parser bug: reported in the parent like any other
        log.exception("Parser failed on a %s file", kind)
        answer = (False, RuntimeError(f"{type(exc).__name__} while parsing"), collect.records)
    sender.send(answer)
    sender.close()


def _extract(content: bytes, kind: DocumentKind, min_chars: int) -> ExtractedText:
    pages: int | None = None
    truncated = False
    if kind is DocumentKind.PDF:
        raw, pages, truncated = _pdf_text(content)
    elif kind is DocumentKind.DOCX:
        raw = _docx_text(content)
    else:
        raw = _decode_text(content)
        if _looks_binary(raw):
            raise Unreadable("not-text")
    text = tidy(raw)
    if len(text) > MAX_CHARS:
        text, truncated = _cut(text, MAX_CHARS), True
    meaningful = sum(ch.isalnum() for ch in text)
    if meaningful == 0 and kind is DocumentKind.PDF:
        raise NoText("pdf-scanned")
    if meaningful == 0:
        raise EmptyDocument("no-text")
    if meaningful < min_chars:
        raise NoText("too-little-text", letters=meaningful)
    return ExtractedText(text=text, kind=kind, pages=pages, truncated=truncated)


def _pdf_text(content: bytes) -> tuple[str, int, bool]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    if b"%PDF-" not in content[:1024]:
        raise Unreadable("pdf-invalid")
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted and not reader.decrypt(""):  # an owner password alone is fine
            raise _encrypted_pdf()
        total = len(reader.pages)
        texts = [page.extract_text() or "" for page in reader.pages[:MAX_PAGES]]
    except (FileNotDecryptedError, DependencyError):
        raise _encrypted_pdf() from None
    except DocumentError:
        raise
    except (
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        RecursionError,
        OSError,
        AssertionError,
        ZeroDivisionError,
    ) as exc:
        # pypdf raises many kinds of errors on damaged files; all mean "can't read it".
        log.info("Unreadable PDF (%s)", type(exc).__name__)
        raise Unreadable("pdf-damaged") from None
    if total == 0:
        raise Unreadable("pdf-no-pages")
    return "\n\n".join(texts), total, total > MAX_PAGES


def _encrypted_pdf() -> Encrypted:
    return Encrypted("pdf-encrypted")


def _docx_text(content: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if content.startswith(_OLE_MAGIC):
        raise Encrypted("docx-encrypted")
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_DOCX_UNZIPPED:
                raise Unreadable("docx-too-large-inside")
        document = docx.Document(io.BytesIO(content))
        lines: list[str] = []
        for section in document.sections:
            lines += [p.text for p in section.header.paragraphs]
        lines += _docx_blocks(document)
        for section in document.sections:
            lines += [p.text for p in section.footer.paragraphs]
    except DocumentError:
        raise
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        log.info("Unreadable DOCX (%s)", type(exc).__name__)
        raise Unreadable("docx-damaged") from None
    return "\n".join(lines)


def _docx_blocks(container: DocxDocument | DocxCell) -> list[str]:
    """Paragraphs and table cells in document order, nested tables included."""
    from docx.table import Table

    lines: list[str] = []
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                seen: list[object] = []
                cells: list[str] = []
                for cell in row.cells:
                    # A merged cell comes back once per grid column: read it once.
                    if any(cell._tc is other for other in seen):
                        continue
                    seen.append(cell._tc)
                    cells.append(" ".join(_docx_blocks(cell)).strip())
                lines.append(" | ".join(c for c in cells if c))
        elif _is_list_item(block) and block.text.strip():
            # Word draws a list's bullet or number itself; the text has none, so the
            # resume checks would see no bullets. One marker for every list kind.
            lines.append(f"• {block.text.strip()}")
        else:
            lines.append(block.text)
    return lines


_LIST_STYLE_PREFIXES = ("List Bullet", "List Number")


def _is_list_item(paragraph: DocxParagraph) -> bool:
    """A paragraph Word shows as a bulleted or numbered item: numbering of its own, or a
    list style (or one it is based on) that numbers it. numId 0 switches numbering off."""
    numbered = _numbering(paragraph._p.pPr)
    style = paragraph.style
    while numbered is None and style is not None:
        if style.name and style.name.startswith(_LIST_STYLE_PREFIXES):
            return True
        numbered = _numbering(style.element.pPr)
        style = style.base_style
    return bool(numbered)


def _numbering(p_pr: Any) -> bool | None:
    """Whether paragraph properties number the paragraph; None when they don't say."""
    if p_pr is None or p_pr.numPr is None:
        return None
    num_id = p_pr.numPr.numId
    return num_id is None or num_id.val != 0


def _decode_text(content: bytes) -> str:
    """UTF-8 (with or without BOM), else the likeliest of the usual encodings."""
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if content.startswith(bom):
            try:
                return content.decode(codec)
            except UnicodeDecodeError:
                break
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(content, cp_isolation=_TXT_ENCODINGS).best()
    if best is None:
        raise Unreadable("not-text")
    log.info("TXT decoded as %s", best.encoding)
    return str(best)


_NOT_TEXT = frozenset({"Cc", "Cs", "Co", "Cn"})


def _looks_binary(text: str) -> bool:
    """More than 2% control, private-use or unassigned characters: not a text file."""
    sample = text[:20_000]
    odd = sum(1 for ch in sample if ch not in "\n\r\t\f" and unicodedata.category(ch) in _NOT_TEXT)
    return odd > 0.02 * len(sample)


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_LINES_RE = re.compile(r"\n{3,}")


def tidy(text: str) -> str:
    """Unify newlines, drop control characters and trailing spaces, squeeze blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = _CONTROL_RE.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_LINES_RE.sub("\n\n", text).strip()


def _cut(text: str, limit: int) -> str:
    """At most `limit` characters, ending at a line break when one is near."""
    cut = text[:limit]
    newline = cut.rfind("\n", limit - 2_000)
    return (cut[:newline] if newline > 0 else cut).rstrip()
