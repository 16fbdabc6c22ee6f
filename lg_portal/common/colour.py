"""Colours and their contrast, as WCAG 2 defines them: the relative luminance of an sRGB colour and
the contrast ratio of two (1:1 to 21:1). AA asks 4.5:1 for text, 3:1 for large text and controls."""

import re

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
AA_TEXT = 4.5
WHITE, INK = "#ffffff", "#1a1a1a"
# The plain look's colours (static/css/portal.css falls back to these): a community's own look is
# stored only where it differs from them.
PLAIN_PRIMARY, PLAIN_HEADER = "#1f5f3f", "#f4f6f4"


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def ink_on(background: str) -> str:
    """The text colour that reads best on this background: white or the portal's near-black. On a
    mid grey neither may reach AA: check `contrast(ink_on(bg), bg)`."""
    return WHITE if contrast(WHITE, background) >= contrast(INK, background) else INK
