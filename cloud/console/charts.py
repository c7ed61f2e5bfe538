"""Charts drawn on the server as SVG (no script, no CDN, nothing inline that the console's
strict CSP would block): bars for one series, lines for several. Every mark carries its
label and value (`data-label`, `data-value`) and a `<title>` tooltip, and every chart is
shown beside a table of the same numbers."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

W, H = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 56
PALETTE = ("#2563eb", "#db2777", "#16a34a", "#ea580c", "#7c3aed", "#0891b2", "#ca8a04")


def _scale(values: Sequence[float]) -> tuple[float, float]:
    low, high = min([0.0, *values]), max([0.0, *values])
    return low, (high if high > low else low + 1)


def _y(value: float, low: float, high: float) -> float:
    return TOP + (H - TOP - BOTTOM) * (high - value) / (high - low)


def _axis(low: float, high: float, fmt: str) -> list[str]:
    """Five gridlines with their values."""
    parts = []
    for step in range(5):
        value = low + (high - low) * step / 4
        y = _y(value, low, high)
        parts.append(
            f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e5e7eb"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="#374151">{escape(_fmt(value, fmt))}</text>'
        )
    return parts


def _fmt(value: float, fmt: str) -> str:
    return f"{value / 100:,.2f}" if fmt == "money" else f"{value:,.0f}"


def bars(
    chart_id: str, title: str, labels: Sequence[str], values: Sequence[int], fmt: str = "count"
) -> Markup:
    """One series as vertical bars (negative values below the zero line)."""
    low, high = _scale(values)
    slot = (W - LEFT - RIGHT) / max(1, len(values))
    parts = _axis(low, high, fmt)
    zero = _y(0, low, high)
    every = max(1, len(labels) // 12)
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = _y(value, low, high)
        x = LEFT + i * slot + slot * 0.15
        top, height = min(y, zero), abs(zero - y)
        text = f"{label}: {_fmt(value, fmt)}"
        parts.append(
            f'<rect class="mark" data-label="{escape(label)}" data-value="{value}" '
            f'x="{x:.1f}" y="{top:.1f}" width="{slot * 0.7:.1f}" height="{height:.1f}" '
            f'fill="{PALETTE[0]}"><title>{escape(text)}</title></rect>'
        )
        if i % every == 0:
            parts.append(
                f'<text x="{x + slot * 0.35:.1f}" y="{H - BOTTOM + 16}" text-anchor="middle" '
                f'font-size="11" fill="#374151">{escape(_short(label))}</text>'
            )
    return _svg(chart_id, title, parts)


def lines(
    chart_id: str,
    title: str,
    labels: Sequence[str],
    series: dict[str, Sequence[int]],
    fmt: str = "count",
) -> Markup:
    """Several series over the same labels (e.g. one line per store over days)."""
    values = [v for points in series.values() for v in points]
    low, high = _scale(values)
    step = (W - LEFT - RIGHT) / max(1, len(labels) - 1)
    parts = _axis(low, high, fmt)
    every = max(1, len(labels) // 10)
    for i, label in enumerate(labels):
        if i % every == 0:
            parts.append(
                f'<text x="{LEFT + i * step:.1f}" y="{H - BOTTOM + 16}" text-anchor="middle" '
                f'font-size="11" fill="#374151">{escape(_short(label))}</text>'
            )
    for n, (name, points) in enumerate(series.items()):
        colour = PALETTE[n % len(PALETTE)]
        xy = [(LEFT + i * step, _y(v, low, high)) for i, v in enumerate(points)]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for (x, y), label, value in zip(xy, labels, points, strict=True):
            text = f"{name} {label}: {_fmt(value, fmt)}"
            parts.append(
                f'<circle class="mark" data-series="{escape(name)}" data-label="{escape(label)}" '
                f'data-value="{value}" cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}">'
                f"<title>{escape(text)}</title></circle>"
            )
        parts.append(
            f'<text x="{LEFT + 8 + 90 * n}" y="{H - 12}" font-size="12" fill="{colour}">'
            f"■ {escape(name)}</text>"
        )
    return _svg(chart_id, title, parts)


def _short(label: str) -> str:
    """Axis labels: a day as MM-DD, anything else cut to 10 characters."""
    if len(label) == 10 and label[4] == "-" and label[7] == "-":
        return label[5:]
    return label[:10]


def _svg(chart_id: str, title: str, parts: list[str]) -> Markup:
    return Markup(
        f'<svg id="chart-{escape(chart_id)}" class="chart" viewBox="0 0 {W} {H}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        + "".join(parts)
        + "</svg>"
    )
