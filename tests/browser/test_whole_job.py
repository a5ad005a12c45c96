"""One walk through the product in Chromium: submit, approve, download the PDF."""

import io
import os
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from certificates import demo
from certificates.models import Certificate

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser():
    # Playwright's sync API runs an event loop in this thread; the ORM calls
    # in the test itself are synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("EUC_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {executable}; install Debian's chromium package.")
        pytest.skip("Chromium is not installed")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def _page(browser, live_server, username):
    context = browser.new_context(locale="ja-JP", accept_downloads=True)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "test-pass-2026")
    page.click("form button[type=submit].btn-primary")
    return page


def test_submit_approve_download(
    browser, live_server, celery_worker, reference_data, importer, reviewer, auditor, tmp_path
):
    page = _page(browser, live_server, importer.username)
    page.goto(f"{live_server.url}/certificates/new/")
    assert page.locator("html").get_attribute("lang") == "ja"
    page.fill("input[name=general-reference]", "BR-2026-001")
    page.fill("input[name=end_user-name_local]", "浜松ドライブシステムズ株式会社")
    page.fill("input[name=end_user-corporate_number]", "４０１０００１２３４５６７")
    page.fill("input[name=end_user-business]", "産業用サーボモーターの製造")
    page.fill("input[name=items-0-description]", "Sintered NdFeB magnets N42")
    page.fill("input[name=items-0-quantity]", "300")
    page.fill("input[name=items-0-unit]", "kg")
    page.fill(
        "textarea[name=declared_uses-0-description]",
        "産業用ロボット向けサーボモーターのロータに使用",
    )
    page.fill("input[name=declared_uses-0-annual_quantity]", "3600")
    page.fill("input[name=declared_uses-0-unit]", "kg")
    for name in (
        "no_military_use",
        "no_wmd_use",
        "no_transfer_without_consent",
        "no_reexport_without_consent",
    ):
        page.check(f"input[name=undertakings-{name}]")
    page.fill("input[name=signatory-name]", "鈴木 花子")
    page.fill("input[name=signatory-signed_on]", "2026年2月12日")
    page.click("button[name=save]")
    page.wait_for_url("**/certificates/*/")
    statement = tmp_path / "signed.pdf"
    statement.write_bytes(demo.demo_statement_pdf("BR-2026-001"))
    page.select_option("select[name=kind]", "signed_statement")
    page.set_input_files("input[name=file]", str(statement))
    page.click("form[action$='/documents/'] button[type=submit]")
    page.wait_for_load_state()
    page.click("form[action$='/submit/'] button[type=submit]")
    page.wait_for_load_state()
    certificate = Certificate.objects.get(reference="BR-2026-001")
    assert certificate.status == "submitted"
    assert (
        certificate.versions.get().parties.get(kind="end_user").corporate_number == "4010001234567"
    )

    page = _page(browser, live_server, reviewer.username)
    page.goto(f"{live_server.url}/review/")
    page.click("text=BR-2026-001")
    page.fill("textarea[name=reason]", "用途と数量を確認しました。")
    page.click("button:has-text('承認'), button:has-text('Approve')")
    page.wait_for_load_state()
    certificate.refresh_from_db()
    assert certificate.status == "approved", certificate.band

    page = _page(browser, live_server, auditor.username)
    page.goto(f"{live_server.url}/certificates/{certificate.pk}/")
    page.click("form[action$='/report/'] button")
    page.wait_for_url("**/reports/*/")
    download_link = page.locator("a[href$='/download/']")
    download_link.wait_for(timeout=120_000)
    with page.expect_download() as download_info:
        download_link.click()
    pdf = download_info.value.path().read_bytes()
    text = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "BR-2026-001" in text
    assert "浜松ドライブシステムズ" in text
    assert "用途と数量を確認しました。" in text
