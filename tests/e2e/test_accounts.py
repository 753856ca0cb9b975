"""Sign-up and sign-in pages in a real browser: labels, errors, accessibility."""

from collections.abc import Callable

from playwright.sync_api import Page, expect

from tests.e2e.axe import assert_accessible

SIGNUP_FIELDS = ["name", "email", "password1", "password2", "consent"]


def test_signup_form_shows_name_and_consent_with_a_link_to_the_privacy_statement(
    page: Page,
) -> None:
    page.goto("/account/signup/")

    form = page.locator("main form")
    for name in SIGNUP_FIELDS:
        field = form.locator(f"[name={name}]")
        expect(field).to_be_visible()
        # every input has a visible label of its own
        expect(
            form.locator(f"label[for='{field.get_attribute('id')}']")
        ).to_be_visible()
    expect(form.locator("[name=name]")).to_have_attribute("autocomplete", "name")
    expect(form.locator("[name=email]")).to_have_attribute("autocomplete", "email")
    expect(form.locator("[name=password1]")).to_have_attribute(
        "autocomplete", "new-password"
    )
    consent = form.locator("[name=consent]")
    expect(consent).to_have_attribute("type", "checkbox")
    description = form.locator(f"#{consent.get_attribute('aria-describedby')}")
    expect(description.locator("a[href='/privacy/']")).to_be_visible()
    assert_accessible(page)


def test_signup_errors_are_linked_to_their_fields_and_accessible(
    page: Page, screenshot: Callable[[Page, str], None]
) -> None:
    page.goto("/account/signup/")
    title_without_errors = page.title()

    with page.expect_navigation():
        page.locator("main form").get_by_role("button").click()

    # the title says there is an error, and a summary lists the problems
    assert page.title() != title_without_errors
    assert page.title().endswith(title_without_errors)
    expect(page.get_by_role("alert")).to_be_visible()
    for name in SIGNUP_FIELDS:
        field = page.locator(f"main form [name={name}]")
        expect(field).to_have_attribute("aria-invalid", "true")
        described_by = field.get_attribute("aria-describedby") or ""
        error_ids = [i for i in described_by.split() if i.endswith("_error")]
        assert error_ids, f"{name} has no error in aria-describedby: {described_by!r}"
        expect(page.locator(f"#{error_ids[0]}")).not_to_be_empty()
    assert_accessible(page)
    screenshot(page, "signup-errors-1280")
