"""Two-factor sign-in in chromium, as a staff member does it (two-factor required, as with DJANGO_SECURE=1):
password, the phone app set up from the page's QR code or key, the recovery codes, the admin; next time a
recovery code. Each of these pages passes axe, in Kazakh and Russian."""

import base64

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django_otp.oath import TOTP

from .conftest import LANGS
from .test_accessibility import AXE_OPTIONS, describe

ADMIN = "/" + settings.ADMIN_PATH


@pytest.fixture(autouse=True)
def two_factor_required(settings):
    settings.STAFF_TWO_FACTOR = True


def no_axe_violations(page):
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)


def submit(page):
    with page.expect_navigation():
        page.locator("#content-main input[type=submit]").first.click()


def password(page, editor):
    page.goto(page.base + ADMIN)
    assert "/login/" in page.url
    page.fill("#id_username", editor[0])
    page.fill("#id_password", editor[1])
    submit(page)


@pytest.mark.parametrize("lang", LANGS)
def test_a_staff_member_enrols_then_signs_in_with_a_recovery_code(browser, site, site_editor, lang):
    context = browser.new_context(locale={"kk": "kk-KZ", "ru": "ru-RU"}[lang])
    page = context.new_page()
    page.base = site
    password(page, site_editor)
    assert page.url.endswith("/two-factor/setup/")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("figure.twofactor-qr svg").is_visible()
    no_axe_violations(page)

    key = page.locator("#twofactor-key").inner_text().replace(" ", "")
    page.fill("#id_code", f"{TOTP(base64.b32decode(key)).token():06d}")
    submit(page)
    assert page.url.endswith("/two-factor/recovery-codes/")
    codes = page.locator(".twofactor-codes code").all_inner_texts()
    assert len(codes) == 10
    no_axe_violations(page)
    page.locator(f"#content-main a[href='{ADMIN}']").click()
    page.wait_for_url(page.base + ADMIN)
    context.clear_cookies()

    password(page, site_editor)
    assert page.url.endswith("/two-factor/")
    no_axe_violations(page)
    page.fill("#id_code", codes[0])
    submit(page)
    assert page.url == page.base + ADMIN
    assert page.locator("#content-main").is_visible()
    context.close()
