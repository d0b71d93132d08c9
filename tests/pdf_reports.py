"""Small PDF reports for the tests, drawn with reportlab: running header and footer, page numbers,
hyphenated line ends, footnotes in small type at the foot of a page, and a two-column page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

HEADER = "Harbour Studies Institute | Policy Report No. 7"
WIDTH, HEIGHT = A4


@dataclass(frozen=True)
class Page:
    """One page: headings and paragraphs (each a list of lines as set), then its footnotes."""

    blocks: tuple[tuple[str, tuple[str, ...]], ...]
    """("heading" | "title" | "text", lines)"""
    notes: tuple[str, ...] = ()
    columns: int = 1


REPORT = (
    Page((("title", ("Fisheries Patrols in the Coral Triangle",)),
          ("text", ("By Amara Velasquez",)),
          ("heading", ("Summary",)),
          ("text", ("Six coastal states agreed in 2021 to share patrol schedules for their fishing",
                    "grounds. This report asks whether the arrangement has reduced illegal catches",
                    "and finds that it has, although the gains are uneven and depend on the com-",
                    "mitment of individual ministries.¹")),
          ("text", ("Officials interviewed for this report described the exchange of data as the",
                    "most useful part of the agreement. “We finally know where the other boats are,”",
                    "one harbour master said.²")),
          ("text", ("The agreement also set up a telephone line between the",))),
         notes=("1 Regional fisheries statistics, annual volume, 2023.",
                "2 Interview with a harbour master, Davao, 14 March 2024.")),
    Page((("text", ("duty officers of the six coast guards, which is staffed around the clock.",)),
          ("heading", ("Findings",)),
          ("text", ("Reported incursions fell by a third between 2021 and 2023. The decline was",
                    "steepest where navies and coast guards held joint exercises, and smallest",
                    "where patrol boats were rarely at sea because of fuel short-",
                    "ages.³")),
          ("text", ("Enforcement still stops at national lines. A vessel chased out of one zone",
                    "often returns a week later through another.")),),
         notes=("3 Fuel budgets were cut in two of the six states in 2022.",)),
    Page((("heading", ("Recommendations",)),
          ("text", ("Ministers should fund a shared operations room, publish monthly incursion",
                    "figures and agree on common penalties for repeat offenders.")),
          ("text", ("The left column ends here with a sentence that carries on.",)),
          ("text", ("The right column starts here and must be read after the left one.",))),
         columns=2),
)
"""The report every PDF test reads (words written for the project)."""


def write_report(path: Path, pages: tuple[Page, ...] = REPORT) -> Path:
    """Draw ``pages`` as a PDF at ``path``."""
    canvas = Canvas(str(path), pagesize=A4)
    for number, page in enumerate(pages, start=1):
        _running_matter(canvas, number, len(pages))
        if page.columns == 2:
            _two_columns(canvas, page)
        else:
            _body(canvas, page.blocks, 72, HEIGHT - 100)
        _notes(canvas, page.notes)
        canvas.showPage()
    canvas.save()
    return path


def _running_matter(canvas: Canvas, number: int, total: int) -> None:
    """The header on every page and the page number in the footer."""
    canvas.setFont("Helvetica", 8)
    canvas.drawString(72, HEIGHT - 40, HEADER)
    canvas.drawCentredString(WIDTH / 2, 30, f"Page {number} of {total}")


def _body(canvas: Canvas, blocks: tuple[tuple[str, tuple[str, ...]], ...], x: float, y: float) -> float:
    """Draw blocks from (x, y) down; returns where the next one would start."""
    for kind, lines in blocks:
        size = {"title": 18, "heading": 13}.get(kind, 10)
        canvas.setFont("Helvetica-Bold" if kind != "text" else "Helvetica", size)
        for line in lines:
            canvas.drawString(x, y, line)
            y -= size * 1.4
        y -= 10
    return y


def _two_columns(canvas: Canvas, page: Page) -> None:
    """The first blocks across the page, the last two side by side in columns."""
    y = _body(canvas, page.blocks[:-2], 72, HEIGHT - 100)
    canvas.setFont("Helvetica", 10)
    # Drawn row by row across both columns, as many typesetters write them: the order of the drawing
    # operations is not the reading order.
    rows = [_rows(lines) for _, lines in page.blocks[-2:]]
    for index in range(max(map(len, rows))):
        for x, column in zip((72, 310), rows, strict=True):
            if index < len(column):
                canvas.drawString(x, y - index * 14, column[index])


def _rows(lines: tuple[str, ...]) -> list[str]:
    """A paragraph set in a narrow column: five words a row."""
    words = " ".join(lines).split()
    return [" ".join(words[at:at + 5]) for at in range(0, len(words), 5)]


def _notes(canvas: Canvas, notes: tuple[str, ...]) -> None:
    """Footnotes in small type above the footer."""
    canvas.setFont("Helvetica", 7)
    for index, note in enumerate(reversed(notes)):
        canvas.drawString(72, 60 + index * 10, note)


TABLE = (("Country", "Year", "Boats"), ("Indonesia", "2019", "41"), ("Malaysia", "2020", "18"),
         ("Philippines", "2021", "25"))
"""A small table of cells, drawn row by row at three column positions (words written for the project)."""


def write_table_report(path: Path, rows: tuple[tuple[str, ...], ...] = TABLE) -> Path:
    """A one-page PDF: a title, a paragraph, ``rows`` as a table, then another paragraph."""
    canvas = Canvas(str(path), pagesize=A4)
    y = _body(canvas, (("title", ("Patrol Boats in the Strait",)),
                       ("text", ("Three navies counted their patrol boats for this report, and the figures",
                                 "below show how the fleets grew after the agreement signed in March 2019.")),), 72,
              HEIGHT - 100)
    canvas.setFont("Helvetica", 10)
    for row in rows:
        for x, cell in zip((72, 220, 320), row, strict=True):
            canvas.drawString(x, y, cell)
        y -= 14
    _body(canvas, (("text", ("The fleets will grow again once the budget is approved, officials said.",)),), 72, y - 20)
    canvas.showPage()
    canvas.save()
    return path
