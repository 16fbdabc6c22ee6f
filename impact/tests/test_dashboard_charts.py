"""lessons.charts: the geometry of the server-side SVG bar charts."""

import re

from django.template.loader import render_to_string
from django.utils import translation

from lessons.charts import Series, bar_chart, bar_slots, nice_max


def test_nice_max_rounds_up_to_one_two_or_five_times_a_power_of_ten():
    assert [nice_max(v) for v in (0, 1, 3, 7, 10, 11, 45, 101, 14500)] == [1, 1, 5, 10, 10, 20, 50, 200, 20000]


def test_bar_slots_fill_the_length_with_equal_gaps():
    slots = bar_slots(3, length=100, gap=4)
    assert slots[0][0] == 4 and round(slots[-1][0] + slots[-1][1], 6) == 96


def test_stacked_bars_sit_on_each_other_and_scale_to_the_axis():
    chart = bar_chart(key="k", title="T", categories=["a", "b"], series=[Series("x", [2, 0]), Series("y", [3, 5])])
    a_x, a_y = (b for b in chart.bars if b["category"] == 0)
    assert float(a_x["y"]) == float(a_y["y"]) + float(a_y["h"])  # y stacked on x
    assert chart.totals == [5, 5] and chart.ticks[-1]["text"] == "5"
    assert float(a_x["h"]) + float(a_y["h"]) == float(chart.plot["y2"]) - float(chart.plot["y"])


def test_empty_values_draw_nothing_and_read_as_a_dash():
    chart = bar_chart(key="k", title="T", categories=["a"], series=[Series("x", [None])], unit="%")
    assert chart.is_empty
    assert chart.rows[0]["cells"][0]["text"] == "–"


def test_horizontal_chart_has_one_row_per_category():
    chart = bar_chart(key="k", title="T", categories=["a", "b", "c"], series=[Series("n", [1, 2, 3])],
                      horizontal=True)
    assert [label["text"] for label in chart.labels] == ["a", "b", "c"]
    assert float(chart.bars[2]["w"]) > float(chart.bars[0]["w"])


def test_description_states_the_numbers():
    chart = bar_chart(key="k", title="T", categories=["K1", "K2"], series=[Series("x", [1, 2]), Series("y", [0, 4])])
    assert chart.description == "K1: 1 (x 1, y 0); K2: 6 (x 2, y 4)."


def test_svg_numbers_are_never_localised():
    chart = bar_chart(key="k", title="T", categories=["a", "b", "c"], series=[Series("x", [1, 2, 7])], unit="€")
    with translation.override("nl"):
        html = render_to_string("impact/_chart.html", {"chart": chart})
    assert not re.search(r'<rect[^>]* (x|y|width|height)="[0-9]+,[0-9]', html)
    assert 'role="img"' in html and "<title id=\"chart-k-t\">T</title>" in html
    assert '<td data-category="2" data-series="0">€ 7</td>' in html
