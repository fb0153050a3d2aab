"""Tables that fit the screen they are printed on, at 60, 80 or 200 columns.

Ids are never cut or folded (a coordinator copies them into `pilkada tick`); titles and owners wrap. When
the screen is too narrow for every column, the least important columns go first, and a line under the table
names them; when even the essential ones do not fit, each row becomes a small block of lines (the short
essentials on the first line, the title below it, the rest as `head: value`) instead of a table squeezed
past reading. What a person needs of a row (who and the note of a journal entry; the state and due date of
an item) is essential: it is in the table or in the block, never left out."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.cells import cell_len
from rich.console import Group as RenderGroup
from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from pilkada_cli.i18n import Lang, t

ESSENTIAL = 99  # a column with this `keep` is never dropped
MIN_WRAP = 12  # the narrowest a wrapping column may become
MIN_ESSENTIAL_WRAP = 20  # ... and a title (an essential one): narrower reads worse than a block of lines


@dataclass
class Column:
    """One column: its header, its cells, how readily it is dropped (lowest `keep` first) and whether it
    wraps (titles, owners, notes) or is exactly as wide as its widest cell (ids, dates, numbers)."""

    head: str
    cells: list[Text | str] = field(default_factory=list)
    keep: int = ESSENTIAL
    wrap: bool = False
    justify: str = "left"
    # Where a block of lines puts it: "line" (the first line), "body" (a line of its own, the title) or
    # "detail" (`head: value`). By default essential fixed columns go on the line, essential wrapping ones
    # in the body and the rest in the details.
    block: str = ""

    def place(self) -> str:
        if self.block:
            return self.block
        if self.keep < ESSENTIAL:
            return "detail"
        return "body" if self.wrap else "line"

    def widest(self) -> int:
        return max((_cell_width(cell) for cell in self.cells), default=0)

    def need(self) -> int:
        """The least width this column needs."""
        if self.wrap:
            least = MIN_ESSENTIAL_WRAP if self.place() == "body" else MIN_WRAP
            return min(least, max(self.widest(), _longest_word(self.head)))
        return max(self.widest(), _longest_word(self.head))


def _cell_width(cell: Text | str) -> int:
    text = cell.plain if isinstance(cell, Text) else cell
    return max((cell_len(line) for line in text.splitlines()), default=0)


def _longest_word(text: str) -> int:
    return max((cell_len(word) for word in text.split()), default=0)


def _table_need(columns: list[Column]) -> int:
    return sum(column.need() + 3 for column in columns) + 1  # a border and a space either side of each


def choose(columns: list[Column], width: int) -> list[Column] | None:
    """The columns that fit `width`, the least important dropped first; None when the essentials do not."""
    chosen = list(columns)
    while _table_need(chosen) > width:
        optional = [column for column in chosen if column.keep < ESSENTIAL]
        if not optional:
            return None
        chosen.remove(min(optional, key=lambda column: column.keep))
    return chosen


def fitted(title: str, columns: list[Column], width: int, lang: Lang, caption: str | None = None) -> RenderableType:
    """The columns that fit `width` as a table (saying which were left out), or the rows as blocks of lines
    when the essentials do not."""
    chosen = choose(columns, width)
    if chosen is None:
        return _blocks(title, columns, width, caption)
    left_out = [column.head for column in columns if column not in chosen]
    if left_out:
        note = t("fit.left_out", lang, columns=", ".join(left_out))
        caption = f"{caption}\n{note}" if caption else note
    # Every width is decided here, not by Rich: wrapping columns get their least width, then what is left
    # of the screen in the order they are listed (the title first), each up to its widest cell.
    widths = [column.need() for column in chosen]
    spare = width - _table_need(chosen)
    for index, column in enumerate(chosen):
        if column.wrap and spare > 0:
            extra = min(spare, max(column.widest(), widths[index]) - widths[index])
            widths[index] += extra
            spare -= extra
    table = Table(title=title, title_justify="left", caption=caption, caption_justify="left")
    for column, column_width in zip(chosen, widths):
        # A fixed column is as wide as its widest cell, so its cells never wrap; a long header wraps.
        table.add_column(column.head, justify=column.justify, width=column_width,
                         overflow="fold" if column.wrap else "ellipsis")
    for row in zip(*(column.cells for column in chosen)):
        table.add_row(*row)
    return table


def _blocks(title: str, columns: list[Column], width: int, caption: str | None) -> RenderableType:
    """Each row as lines: the `line` columns on the first line (those that do not fit beside the first go on
    an indented line of their own, never broken), each `body` column indented on a line of its own below
    it, and the `detail` columns as `head: value` after them."""
    first = [c for c in columns if c.place() == "line"]
    body = [c for c in columns if c.place() == "body"]
    rest = [c for c in columns if c.place() == "detail"]
    parts: list[RenderableType] = [Text(title, style="italic")]
    for index in range(len(columns[0].cells) if columns else 0):
        line, used = Text(), 0
        for n, column in enumerate(first):
            cell = _as_text(column.cells[index])
            if n:
                wraps = used + 2 + cell.cell_len > width
                line.append("\n  " if wraps else "  ")
                used = 2 if wraps else used + 2
            line.append_text(cell)
            used += cell.cell_len
        parts.append(line)
        for column in body:
            parts.append(Padding(_as_text(column.cells[index]), (0, 0, 0, 2)))
        details = Text()
        for column in rest:
            cell = _as_text(column.cells[index])
            if not cell.plain.strip():
                continue
            if details:
                details.append(" · ")
            details.append(column.head + ": ", style="dim")
            details.append_text(cell)
        if details:
            parts.append(Padding(details, (0, 0, 0, 2)))
    if caption:
        parts.append(Text(caption, style="italic"))
    return RenderGroup(*parts)


def _as_text(cell: Text | str) -> Text:
    if isinstance(cell, Text):
        return cell.copy()
    return Text(cell)
