"""The one rule that keeps text a workbook cell holds from ever being run as a formula.

Every string written into a workbook (data, headings, labels, headers) goes through here: the
control characters a workbook cannot hold are removed first (openpyxl's ILLEGAL_CHARACTERS_RE),
the text is cut to Excel's 32,767 characters, and text that then begins with =, +, -, @ (or a
tab or carriage return: DDE payloads) is stored as an explicit string cell with Excel's quote
prefix, so no spreadsheet evaluates it.
"""

from __future__ import annotations

from copy import copy
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

# A string beginning with one of these is a formula (or DDE payload) to a spreadsheet.
RISKY_FIRST_CHARACTERS = frozenset("=+-@\t\r")
EXCEL_MAX_CELL_CHARS = 32767


def is_risky(text: str) -> bool:
    """True when a spreadsheet would read ``text`` as a formula if stored naively. Ask it of
    what the cell will hold, i.e. of ``clean_text``'s result: "\x01=1+1" is harmless as
    given, but is "=1+1" once the control character is dropped."""
    return bool(text) and text[0] in RISKY_FIRST_CHARACTERS


def clean_text(value: Any) -> str:
    """``value`` as the text a cell will hold: the control characters a workbook cannot store
    removed first, then cut to Excel's 32,767 characters (longer text ends with an ellipsis).
    Whether the text is risky (``is_risky``) must be asked of this result, never of ``value``."""
    text = value if isinstance(value, str) else str(value)
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > EXCEL_MAX_CELL_CHARS:
        text = text[: EXCEL_MAX_CELL_CHARS - 1] + "…"
    return text


def store_as_text(cell: Cell, text: str) -> Cell:
    """``cell`` (which must carry the quote prefix) holding ``text`` as an explicit string."""
    cell.value = text
    cell.data_type = "s"  # never a formula, whatever the first character
    return cell


def copy_style(source: Cell, target: Cell) -> None:
    """Give ``target`` the style of ``source``, through openpyxl's public attributes."""
    for name in ("font", "fill", "border", "alignment", "protection", "number_format"):
        setattr(target, name, copy(getattr(source, name)))


def safe_text(cell: Cell, value: Any) -> Cell:
    """``cell`` holding ``value`` as safe text (``clean_text``). When the text would read as a
    formula, a copy of ``cell`` (same style, plus Excel's quote prefix) holding it as an
    explicit string is returned instead, so a reused styled cell never keeps the prefix."""
    text = clean_text(value)
    if not is_risky(text):
        cell.value = text
        return cell
    quoted = WriteOnlyCell(cell.parent)
    copy_style(cell, quoted)
    quoted.quotePrefix = True
    return store_as_text(quoted, text)
