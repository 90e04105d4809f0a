"""PDF/A-2 renditions of approved letters by LibreOffice headless, their conformance checks, and the merged
print batch for the post room (letters.md §12).

Called from the job queue only: a conversion takes about a second and LibreOffice converts serially, so it
never runs inside a request. Each worker process uses its own LibreOffice profile (concurrent runs sharing
one fail intermittently) and a conversion that hangs is killed with its whole process group after the
time-out.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess  # noqa: S404 - LibreOffice runs with an argument list, never a shell string
import tempfile
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path

import pikepdf

# SelectPdfVersion 2 = PDF/A-2b; tagged structure and the PDF/UA identifier for screen readers (EN 301 549).
EXPORT_OPTIONS = json.dumps({
    "SelectPdfVersion": {"type": "long", "value": "2"},
    "UseTaggedPDF": {"type": "boolean", "value": "true"},
    "PDFUACompliance": {"type": "boolean", "value": "true"},
}, separators=(",", ":"))
PDFA_ID = "{http://www.aiim.org/pdfa/ns/id/}"
PDFUA_ID = "{http://www.aiim.org/pdfua/ns/id/}"


class PdfConversionError(Exception):
    """The letter could not be turned into a conforming PDF; the message is shown with the failed job."""


@dataclass(frozen=True)
class PdfConformance:
    """What the XMP metadata and the document catalogue of a PDF declare."""

    pdfa_part: str
    pdfa_conformance: str
    pdfua_part: str
    tagged: bool
    language: str
    pages: int


def convert_to_pdfa(docx: bytes, profile_dir: Path, *, soffice: str = "soffice", timeout: float = 60) -> bytes:
    """The PDF/A-2 rendition of a .docx; raises PdfConversionError when LibreOffice fails, hangs or the result
    does not declare PDF/A-2 and PDF/UA."""
    return convert_many([docx], profile_dir, soffice=soffice, timeout=timeout)[0]


def convert_many(docxs: list[bytes], profile_dir: Path, *, soffice: str = "soffice",
                 timeout: float = 60) -> list[bytes]:
    """PDF/A-2 renditions of several letters in one LibreOffice run, in the same order: starting LibreOffice
    costs most of a one-letter conversion (about 0.9 s against 0.1 s a letter in a batch of twenty)."""
    with tempfile.TemporaryDirectory(prefix="bevoegd-pdf-") as tmp:
        sources = [Path(tmp) / f"brief-{i:04d}.docx" for i in range(len(docxs))]
        for source, docx in zip(sources, docxs, strict=True):
            source.write_bytes(docx)
        _run_soffice([soffice, "--headless", "--norestore", "--nolockcheck",
                      f"-env:UserInstallation={profile_dir.resolve().as_uri()}",
                      "--convert-to", f"pdf:writer_pdf_Export:{EXPORT_OPTIONS}", "--outdir", tmp,
                      *map(str, sources)], timeout)
        pdfs = []
        for source in sources:
            target = source.with_suffix(".pdf")
            if not target.exists():
                raise PdfConversionError("LibreOffice maakte geen PDF van een van de brieven.")
            pdfs.append(target.read_bytes())
    for pdf in pdfs:
        require_pdfa(pdf)
    return pdfs


def _run_soffice(args: list[str], timeout: float) -> None:
    # A new session, so a time-out kills soffice.bin too and not only the launcher that started it.
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,  # noqa: S603
                               start_new_session=True)
    try:
        _out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise PdfConversionError(f"LibreOffice reageerde niet binnen {int(timeout)} seconden en is gestopt.") from exc
    if process.returncode != 0:
        raise PdfConversionError(f"LibreOffice stopte met code {process.returncode}: "
                                 f"{err.decode(errors='replace')[-300:]}")


def conformance(pdf: bytes) -> PdfConformance:
    """Read back the PDF/A and PDF/UA claims (XMP), the tagging and the document language."""
    with pikepdf.open(BytesIO(pdf)) as document:
        meta = document.open_metadata()
        mark = document.Root.get("/MarkInfo")
        return PdfConformance(
            pdfa_part=str(meta.get(f"{PDFA_ID}part", "")), pdfa_conformance=str(meta.get(f"{PDFA_ID}conformance", "")),
            pdfua_part=str(meta.get(f"{PDFUA_ID}part", "")),
            tagged=bool(mark is not None and mark.get("/Marked", False)) and "/StructTreeRoot" in document.Root,
            language=str(document.Root.get("/Lang", "")), pages=len(document.pages))


def require_pdfa(pdf: bytes) -> PdfConformance:
    """Raise PdfConversionError unless the PDF declares PDF/A-2, PDF/UA-1, is tagged and is in Dutch."""
    found = conformance(pdf)
    problems = [text for ok, text in (
        (found.pdfa_part == "2", "geen PDF/A-2"), (found.pdfua_part == "1", "geen PDF/UA"),
        (found.tagged, "geen tags (structuur)"), (found.language.lower().startswith("nl"), "taal niet Nederlands"),
    ) if not ok]
    if problems:
        raise PdfConversionError("De PDF voldoet niet: " + ", ".join(problems) + ".")
    return found


def merge(pdfs: list[bytes]) -> bytes:
    """One PDF of many letters, in the order given, for printing in the post room."""
    # The letters stay open until the batch is saved: pikepdf copies their pages lazily.
    letters = [pikepdf.open(BytesIO(pdf)) for pdf in pdfs]
    try:
        with pikepdf.new() as batch:
            for letter in letters:
                batch.pages.extend(letter.pages)
            out = BytesIO()
            batch.save(out)
            return out.getvalue()
    finally:
        for letter in letters:
            letter.close()


@cache
def converter_version(soffice: str = "soffice") -> str:
    """E.g. "LibreOffice 7.4.7.2", stored with each PDF."""
    result = subprocess.run([soffice, "--version"], capture_output=True, timeout=60, check=False)  # noqa: S603
    words = result.stdout.decode(errors="replace").split()
    return " ".join(words[:2]) if len(words) >= 2 else soffice
