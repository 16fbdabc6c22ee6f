"""A community's look (issue 18): a facilitator sets the initiator's name, colours and logo; colours
that would make text unreadable are refused with the ratio; the look reaches every page of the
community as design tokens; the logo is served to members only; the plain look comes back."""

import struct
import zlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from lg_portal.common.colour import contrast, ink_on
from participants.models import Community
from participants.services import community_look_set

pytestmark = pytest.mark.django_db


def tiny_png(rgb=(0, 76, 140)) -> bytes:
    """A real 2x1 PNG (no imaging library needed)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"\x00" + bytes(rgb) * 2
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_wcag_contrast_figures():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48
    assert round(contrast("#1f5f3f", "#ffffff"), 2) == 7.59
    assert ink_on("#004c8c") == "#ffffff" and ink_on("#ffdd00") == "#1a1a1a"


def test_a_facilitator_sets_the_look_and_every_page_of_the_community_carries_it(facilitator_client, community):
    c = f"/c/{community.slug}"
    page = facilitator_client.get(f"{c}/look/")
    assert page.status_code == 200 and 'type="color"' in page.text
    response = facilitator_client.post(f"{c}/look/", {
        "organisation": "Gemeente Hellendoorn", "primary": "#004C8C", "header": "#ffdd00",
        "logo": SimpleUploadedFile("logo.png", tiny_png(), content_type="image/png")})
    assert response.status_code == 302
    community.refresh_from_db()
    assert (community.look_primary, community.look_header) == ("#004c8c", "#ffdd00")
    home = facilitator_client.get(f"{c}/")
    assert f'{c}/look.css?v={community.look_version}' in home.text
    assert f'{c}/logo/?v={community.look_version}' in home.text and 'alt="Gemeente Hellendoorn"' in home.text
    assert "een initiatief van Gemeente Hellendoorn" in home.text
    css = facilitator_client.get(f"{c}/look.css").text
    assert "--lg-color-primary: #004c8c;" in css and "--lg-color-primary-ink: #ffffff;" in css
    assert "--lg-page-header-background-color: #ffdd00;" in css and "--lg-page-header-color: #1a1a1a;" in css
    # Blue on yellow reads (contrast 6.8): the header's links keep the main colour.
    assert "--lg-page-header-link-color: #004c8c;" in css
    logo = facilitator_client.get(f"{c}/logo/")
    assert logo.status_code == 200 and logo["Content-Type"] == "image/png"
    assert b"".join(logo.streaming_content) == tiny_png()


def test_a_colour_text_cannot_be_read_on_is_refused_with_its_ratio_in_the_persons_language(
        facilitator_client, community):
    c = f"/c/{community.slug}"
    response = facilitator_client.post(f"{c}/look/", {"primary": "#77aa77", "header": "#777777"})
    assert response.status_code == 200 and response.context["form"].errors
    assert "2,7 : 1" in response.text and "4,5 : 1" in response.text
    assert "wit noch zwart" in response.text
    facilitator_client.post("/language/", {"language": "en", "next": f"{c}/look/"})
    english = facilitator_client.post(f"{c}/look/", {"primary": "#77aa77"})
    assert "2.7 : 1" in english.text
    community.refresh_from_db()
    assert not community.has_look


@pytest.mark.parametrize("name, content", [
    ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ("logo.png", b"not a picture at all"),
    ("big.png", tiny_png() + b"\0" * (301 * 1024)),
])
def test_only_a_png_jpeg_or_webp_logo_of_a_reasonable_size_is_taken(facilitator_client, community, name, content):
    response = facilitator_client.post(f"/c/{community.slug}/look/", {
        "logo": SimpleUploadedFile(name, content)})
    assert response.status_code == 200 and "logo" in response.context["form"].errors
    community.refresh_from_db()
    assert not community.look_logo


def test_only_a_facilitator_sets_the_look_and_only_members_see_the_logo(
        participant_client, outsider_client, anon_client, community, facilitator):
    community_look_set(community=community, by=facilitator, primary="#004c8c",
                       logo=ContentFile(tiny_png(), name="x.png"))
    c = f"/c/{community.slug}"
    assert participant_client.get(f"{c}/look/").status_code == 403
    assert participant_client.post(f"{c}/look/", {"primary": "#000000"}).status_code == 403
    assert participant_client.get(f"{c}/logo/").status_code == 200
    assert outsider_client.get(f"{c}/logo/").status_code == 404
    assert anon_client.get(f"{c}/logo/").status_code == 302


def test_the_plain_look_comes_back_and_the_old_logo_file_is_gone(facilitator_client, community, facilitator,
                                                                 django_capture_on_commit_callbacks):
    community_look_set(community=community, by=facilitator, primary="#004c8c",
                       logo=ContentFile(tiny_png(), name="x.png"))
    community.refresh_from_db()
    stored, storage = community.look_logo.name, community.look_logo.storage
    assert storage.exists(stored)
    with django_capture_on_commit_callbacks(execute=True):
        response = facilitator_client.post(f"/c/{community.slug}/look/", {"plain": "1"})
    assert response.status_code == 302
    community = Community.objects.get(pk=community.pk)
    assert not community.has_look and not storage.exists(stored)
    home = facilitator_client.get(f"/c/{community.slug}/")
    assert "look.css" not in home.text and "/logo/" not in home.text


def test_an_operators_nl_design_system_theme_is_loaded_on_every_page_with_its_class(
        participant_client, community, settings):
    settings.LG_THEME_STYLESHEET, settings.LG_THEME_CLASS = "themes/example-theme.css", "example-theme"
    page = participant_client.get(f"/c/{community.slug}/").text
    assert '<body class="example-theme"' in page and "themes/example-theme.css" in page
    assert page.index("css/portal.css") < page.index("themes/example-theme.css")
