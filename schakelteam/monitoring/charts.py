"""Server-rendered, accessible SVG charts: a <title>, a <desc>, visible labels and values.

Meaning never rests on colour alone: every bar carries its value as text, and the page shows
the same numbers in a table next to the chart.
"""

from itertools import count

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_ids = count(1)
BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 250
PLOT_WIDTH = 360
VALUE_WIDTH = 70


def _fmt(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".") if value % 1 else str(int(value))
    return str(value)


def _short(label: str, limit: int = 38) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _figure(title: str, svg: str) -> SafeString:
    """A visible caption above the chart; the SVG keeps its own <title> and <desc>."""
    return mark_safe(  # noqa: S308  (title escaped, svg built from escaped parts)
        f'<figure class="mkb-chart-figure"><figcaption class="mkb-chart-figure__caption">'
        f"{escape(title)}</figcaption>{svg}</figure>"
    )


def _head(width: int, height: int, title: str, desc: str, prefix: str) -> tuple[str, str]:
    n = next(_ids)
    tid, did = f"{prefix}-{n}-title", f"{prefix}-{n}-desc"
    head = (
        f'<svg class="mkb-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{tid} {did}" style="max-width:{width}px">'
        f'<title id="{tid}">{escape(title)}</title><desc id="{did}">{escape(desc)}</desc>'
    )
    return head, "</svg>"


def bar_chart(
    title: str, items: list[tuple[str, float | int | None]], *, unit: str = "", marker=None
) -> SafeString:
    """Horizontal bars, one per (label, value); `marker` draws a dashed line (e.g. a target of 100)."""
    values = [v for _, v in items if v is not None]
    top = max([*values, marker or 0, 1])
    height = max(len(items), 1) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH
    desc = "; ".join(f"{label}: {_fmt(v)}{unit}" for label, v in items) or "–"
    head, tail = _head(width, height, title, desc, "mkb-bar")
    parts = [head]
    for i, (label, value) in enumerate(items):
        y = GAP + i * (BAR_HEIGHT + GAP)
        bar = 0 if value is None else max(0.0, float(value)) / float(top) * PLOT_WIDTH
        parts.append(
            f'<text class="mkb-chart__label" x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end">'
            f"{escape(_short(str(label)))}</text>"
            f'<rect class="mkb-chart__bar" fill="#1a5f8a" x="{LABEL_WIDTH}" y="{y}" width="{bar:.1f}" height="{BAR_HEIGHT}"/>'
            f'<text class="mkb-chart__value" x="{LABEL_WIDTH + bar + 6:.1f}" y="{y + 15}">'
            f"{escape(_fmt(value))}{escape(unit)}</text>"
        )
    if marker:
        x = LABEL_WIDTH + float(marker) / float(top) * PLOT_WIDTH
        parts.append(
            f'<line class="mkb-chart__marker" stroke="#b3261e" stroke-width="2" x1="{x:.1f}" x2="{x:.1f}" y1="0" y2="{height}" '
            'stroke-dasharray="4 3"/>'
        )
    parts.append(tail)
    return _figure(title, "".join(parts))


def column_chart(
    title: str, points: list[tuple[str, float | int | None]], *, unit: str = ""
) -> SafeString:
    """Vertical columns over time (quarters), each with its value written above it."""
    n = max(len(points), 1)
    col = max(18, min(60, 560 // n))
    width = n * (col + 10) + 20
    plot = 150
    height = plot + 60
    values = [v for _, v in points if v is not None]
    top = max([*values, 1])
    desc = "; ".join(f"{label}: {_fmt(v)}{unit}" for label, v in points) or "–"
    head, tail = _head(width, height, title, desc, "mkb-col")
    parts = [
        head,
        f'<line class="mkb-chart__axis" stroke="#555" x1="10" x2="{width - 10}" y1="{plot + 20}" y2="{plot + 20}"/>',
    ]
    for i, (label, value) in enumerate(points):
        x = 15 + i * (col + 10)
        h = 0 if value is None else max(0.0, float(value)) / float(top) * plot
        y = plot + 20 - h
        parts.append(
            f'<rect class="mkb-chart__bar" fill="#1a5f8a" x="{x}" y="{y:.1f}" width="{col}" height="{h:.1f}"/>'
            f'<text class="mkb-chart__value" x="{x + col / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle">'
            f"{escape(_fmt(value))}</text>"
            f'<text class="mkb-chart__label" x="{x + col / 2:.1f}" y="{plot + 36}" text-anchor="middle" '
            f'font-size="10">{escape(str(label).replace("20", "", 1) if n > 6 else str(label))}</text>'
        )
    parts.append(tail)
    return _figure(title, "".join(parts))
