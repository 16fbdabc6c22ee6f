"""Server-side bar charts as accessible SVG. The geometry is computed here; templates/lessons/_chart.html
draws the SVG (role="img" with <title> and <desc>) and, beside it, a table with the very same numbers,
for screen readers and for print. lessons.selectors.trend_chart uses the same slot arithmetic.

Numbers that go into SVG attributes are strings formatted here ("12.5"), never floats handed to the
template: the template would localise them to "12,5", which SVG rejects."""

import math
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _


def num(x: float) -> str:
    return f"{x:.1f}"


def bar_slots(n: int, *, length: float, gap: float) -> list[tuple[float, float]]:
    """(offset, size) of n bars spread over `length` with `gap` between and around them."""
    n = max(n, 1)
    size = max((length - gap * (n + 1)) / n, 1.0)
    return [(gap + i * (size + gap), size) for i in range(n)]


def nice_max(value: float) -> int:
    """The smallest 1, 2 or 5 times a power of ten that is at least `value` (at least 1)."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return int(step * power)
    return int(10 * power)  # pragma: no cover


@dataclass
class Series:
    label: str
    values: list  # int or None per category, in the order of the chart's categories


@dataclass
class Chart:
    key: str  # unique on the page: ids of the title and description
    title: str
    categories: list[str]
    series: list[Series]
    unit: str = ""  # "", "%" or "€"
    horizontal: bool = False
    # Columns shown in the table only (context for the numbers, not drawn): (label, values).
    extra: list[tuple[str, list]] = field(default_factory=list)
    max_value: int | None = None
    empty_text: str = ""
    category_label: str = ""  # the heading of the table's first column
    # Filled by layout():
    width: int = 0
    height: int = 0
    bars: list = field(default_factory=list)
    labels: list = field(default_factory=list)
    ticks: list = field(default_factory=list)
    plot: dict = field(default_factory=dict)

    @property
    def stacked(self) -> bool:
        return len(self.series) > 1

    @property
    def totals(self) -> list:
        out = []
        for i in range(len(self.categories)):
            values = [s.values[i] for s in self.series if s.values[i] is not None]
            out.append(sum(values) if values else None)
        return out

    @property
    def is_empty(self) -> bool:
        return not any(t for t in self.totals)

    def fmt(self, value) -> str:
        if value is None:
            return "–"
        # what people read (labels, table, tooltips): in the page's language, euros with a thousands separator
        if self.unit == "%":
            return f"{number_format(value)}%"
        if self.unit == "€":
            return f"€ {number_format(value, decimal_pos=0, force_grouping=True)}"
        return number_format(value) if isinstance(value, float) else str(value)

    @property
    def rows(self) -> list[dict]:
        """The table: one row per category, a cell per series (and the total when stacked), then extras."""
        totals = self.totals
        rows = []
        for i, category in enumerate(self.categories):
            rows.append({
                "label": category,
                "cells": [{"series": j, "value": s.values[i], "text": self.fmt(s.values[i])}
                          for j, s in enumerate(self.series)],
                "total": self.fmt(totals[i]),
                "extra": [values[i] for _label, values in self.extra],
            })
        return rows

    @property
    def description(self) -> str:
        """The numbers in words, for <desc>."""
        parts = []
        for row in self.rows:
            if self.stacked:
                detail = ", ".join(f"{self.series[c['series']].label} {c['text']}" for c in row["cells"])
                parts.append(f"{row['label']}: {row['total']} ({detail})")
            else:
                parts.append(f"{row['label']}: {row['cells'][0]['text']}")
        return "; ".join(parts) + "." if parts else _("Nog geen gegevens.")


def layout(chart: Chart) -> Chart:
    """Compute the bars, axis labels and ticks of a chart (vertical bars, stacked when there is more
    than one series; or horizontal bars, one row per category)."""
    peak = max([t for t in chart.totals if t is not None] or [0])
    top = chart.max_value or nice_max(peak)
    chart.bars, chart.labels, chart.ticks = [], [], []
    if chart.horizontal:
        label_w, row, pad, width = 240, 26, 6, 640
        plot_w = width - label_w - 60
        chart.width, chart.height = width, pad * 2 + row * max(len(chart.categories), 1) + 18
        chart.plot = {"x": num(label_w), "y": num(pad), "x2": num(label_w),
                      "y2": num(chart.height - 18), "right": num(label_w + plot_w)}
        for i, category in enumerate(chart.categories):
            y = pad + i * row
            offset = 0.0
            for j, s in enumerate(chart.series):
                value = s.values[i]
                w = plot_w * (value or 0) / top
                chart.bars.append({"x": num(label_w + offset), "y": num(y + 4), "w": num(w), "h": num(row - 8),
                                   "value": value, "series": j, "category": i,
                                   "tip": f"{category} – {s.label}: {chart.fmt(value)}"})
                offset += w
            chart.labels.append({"x": num(label_w - 6), "y": num(y + row / 2 + 4), "text": category,
                                 "anchor": "end", "value_x": num(label_w + offset + 6),
                                 "value": chart.fmt(chart.totals[i])})
        for fraction in (0, 0.5, 1):
            chart.ticks.append({"x": num(label_w + plot_w * fraction), "y": num(chart.height - 4),
                                "text": chart.fmt(round(top * fraction))})
        return chart

    width, height, left, bottom, top_pad = 640, 240, 48, 40, 22
    plot_w, plot_h = width - left - 12, height - bottom - top_pad
    chart.width, chart.height = width, height
    base = top_pad + plot_h
    chart.plot = {"x": num(left), "y": num(top_pad), "x2": num(left + plot_w), "y2": num(base)}
    gap = 8 if len(chart.categories) < 12 else 4
    slots = bar_slots(len(chart.categories), length=plot_w, gap=gap)[:len(chart.categories)]
    for i, (offset, size) in enumerate(slots):
        stacked = 0.0
        for j, s in enumerate(chart.series):
            value = s.values[i]
            h = plot_h * (value or 0) / top
            chart.bars.append({"x": num(left + offset), "y": num(base - stacked - h), "w": num(size), "h": num(h),
                               "value": value, "series": j, "category": i,
                               "tip": f"{chart.categories[i]} – {s.label}: {chart.fmt(value)}"})
            stacked += h
        chart.labels.append({"x": num(left + offset + size / 2), "y": num(base + 16), "text": chart.categories[i],
                             "anchor": "middle", "value_y": num(max(base - stacked - 4, top_pad + 10)),
                             "value": chart.fmt(chart.totals[i])})
    for fraction in (0, 0.5, 1):
        chart.ticks.append({"x": num(left - 6), "y": num(base - plot_h * fraction + 4),
                            "line_y": num(base - plot_h * fraction), "text": chart.fmt(round(top * fraction))})
    return chart


def bar_chart(**kwargs) -> Chart:
    return layout(Chart(**kwargs))
