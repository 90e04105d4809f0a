"""The figures as a download: CSV for any tool and XLSX (openpyxl) for Excel, with Dutch headers.

The CSV is written the way Dutch Excel opens it without an import wizard: semicolons between cells, decimal
commas, UTF-8 with a byte order mark. The XLSX keeps numbers as numbers and explains on a second sheet what is
counted.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Font

from app.domain.figures import COUNTING_RULES, EXPORT_HEADERS
from app.domain.numbers import format_number

# A spreadsheet runs a cell that starts with one of these as a formula; none of our words does, but a label is
# data and may change.
FORMULA_STARTS = ("=", "+", "-", "@")


def to_csv(rows: Sequence[Sequence[object]]) -> bytes:
    """The rows under EXPORT_HEADERS as Dutch CSV."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(EXPORT_HEADERS)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number(value)
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def to_xlsx(rows: Sequence[Sequence[object]], year: int) -> bytes:
    """The rows under EXPORT_HEADERS on a sheet of their own, and what is counted on a second sheet."""
    book = Workbook()
    sheet = book.active
    sheet.title = f"Cijfers {year}"
    sheet.append(list(EXPORT_HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_xlsx_cell(value) for value in row])
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCDEFGHI", (8, 45, 60, 10, 12, 12, 12, 12, 12), strict=True):
        sheet.column_dimensions[column].width = width
    notes = book.create_sheet("Toelichting")
    notes.append(["Wat telt mee"])
    notes["A1"].font = Font(bold=True)
    for line in COUNTING_RULES:
        notes.append([line])
    notes.column_dimensions["A"].width = 120
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value
