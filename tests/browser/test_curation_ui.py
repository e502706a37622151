"""Curation from the dashboard in real headless Chromium: the actor panel's tools, rejecting
evidence on a link, undo and history, accepting a suggested merge, and two sessions deciding
on one store at once. Waits are explicit (conditions polled until a deadline)."""

import json

import pytest
from curation_corpus import OTHERWISE, SPELLED, curation_db, curation_template  # noqa: F401
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from test_app import CY, js, node_id, open_app, wait_until

from dashboard import ids
from graph.store.store import Store

pytestmark = pytest.mark.browser


def text_of(driver, selector: str) -> str:
    found = driver.find_elements(By.CSS_SELECTOR, selector)
    return found[0].text if found else ""


def wait_text(driver, selector: str, wanted: str, timeout: float = 20) -> str:
    return wait_until(lambda: wanted in text_of(driver, selector) and text_of(driver, selector),
                      timeout, what=f"{wanted!r} in {selector}")


def status(driver, wanted: str) -> str:
    return wait_text(driver, f"#{ids.CURATION_STATUS}", wanted)


def graph_labels(driver) -> set[str]:
    return set(driver.execute_script(f"return {CY}.nodes().map(n => n.data('label'))"))


def wait_labels(driver, present=(), absent=()) -> set[str]:
    return wait_until(lambda: (lambda got: set(present) <= got and not set(absent) & got
                               and got)(graph_labels(driver)),
                      what=f"graph with {present} and without {absent}")


def tap_on(driver, label: str) -> None:
    driver.execute_script(f"{CY}.nodes().filter(n => n.data('label') === "
                          f"{json.dumps(label)}).emit('tap')")


def select_actor(driver, label: str) -> None:
    """Tap an actor and wait for its details and tools."""
    tap_on(driver, label)
    wait_text(driver, f"#{ids.DETAILS_HEAD} h3", label)
    wait_until(lambda: driver.find_element(By.ID, ids.ACTOR_TOOLS).is_displayed(),
               what="the actor tools")
    wait_until(lambda: driver.find_element(By.ID, ids.RENAME_INPUT).get_attribute("value")
               == label, what="the tools filled in")


def pick(driver, dropdown: str, typed: str, option_start: str) -> None:
    """Open a dropdown, type into its search box (long lists have one) and pick the option
    starting with ``option_start`` from its own list."""
    driver.find_element(By.ID, dropdown).click()
    popup = wait_until(lambda: driver.find_element(
        By.ID, driver.find_element(By.ID, dropdown).get_attribute("aria-controls")),
        what=f"the {dropdown} list")
    if typed:
        popup.find_element(By.CSS_SELECTOR, "input[type=search], input[type=text]").send_keys(
            typed)
    option = wait_until(lambda: next((o for o in popup.find_elements(
        By.CSS_SELECTOR, "[role=option]") if o.text.startswith(option_start)), None),
        what=f"option {option_start}")
    option.click()


def click(driver, element_id: str) -> None:
    driver.find_element(By.ID, element_id).click()


def table_actors(driver) -> set[str]:
    return {c.text for c in driver.find_elements(By.CSS_SELECTOR,
                                                 f"#{ids.TABLE} td[data-dash-column=actor]")}


def test_merge_split_rename_retype_from_the_actor_panel(dash_duo, curation_db):  # noqa: F811
    store = Store(curation_db)
    open_app(dash_duo, store)
    d = dash_duo.driver
    wait_labels(d, {SPELLED, OTHERWISE})
    d.find_element(By.ID, "dock").find_element(By.XPATH, ".//*[text()='Actor table']").click()
    wait_until(lambda: OTHERWISE in table_actors(d), what="the actor table")
    # merge: the selected actor into one chosen in a search over every name
    select_actor(d, OTHERWISE)
    pick(d, ids.MERGE_INTO, "Durdymu", SPELLED)
    click(d, ids.MERGE)
    status(d, f"merged '{OTHERWISE}' into '{SPELLED}'")
    wait_labels(d, {SPELLED}, {OTHERWISE})
    wait_text(d, f"#{ids.DETAILS_HEAD} h3", SPELLED)  # the actor merged into is selected
    # the actor table follows at once
    wait_until(lambda: SPELLED in table_actors(d) and OTHERWISE not in table_actors(d),
               what="the table after the merge")
    # split the merged name back off
    wait_until(lambda: d.find_element(By.ID, ids.RENAME_INPUT).get_attribute("value")
               == SPELLED, what="tools for the merged actor")
    pick(d, ids.SPLIT_ALIAS, "Durdim", OTHERWISE)
    click(d, ids.SPLIT)
    status(d, f"split '{OTHERWISE}' off '{SPELLED}'")
    wait_labels(d, {SPELLED, OTHERWISE})
    wait_until(lambda: OTHERWISE in table_actors(d), what="the table after the split")
    # rename keeps the node id
    karaduman = node_id(dash_duo, "Volkan Karaduman")
    select_actor(d, "Volkan Karaduman")
    box = d.find_element(By.ID, ids.RENAME_INPUT)
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("Volkan Karaduman (Turkey)")
    click(d, ids.RENAME)
    status(d, "renamed 'Volkan Karaduman' to 'Volkan Karaduman (Turkey)'")
    wait_labels(d, {"Volkan Karaduman (Turkey)"}, {"Volkan Karaduman"})
    assert node_id(dash_duo, "Volkan Karaduman (Turkey)") == karaduman
    wait_text(d, f"#{ids.DETAILS_HEAD} h3", "Volkan Karaduman (Turkey)")
    # retype: the type in the details and the colour on the graph follow
    colour = js(dash_duo, f"return {CY}.getElementById('{karaduman}').data('color')")
    pick(d, ids.RETYPE_VALUE, "", "Organisation")
    click(d, ids.RETYPE)
    status(d, "is now an organisation (was person)")
    wait_text(d, f"#{ids.DETAILS_HEAD} .facts", "organisation")
    wait_until(lambda: js(dash_duo, f"return {CY}.getElementById('{karaduman}').data('color')")
               != colour, what="the new colour")
    # the same type again: refused, nothing recorded
    pick(d, ids.RETYPE_VALUE, "", "Organisation")
    click(d, ids.RETYPE)
    status(d, "is already an organisation")
    assert [h["action"] for h in store.history()] == ["retype", "rename", "split", "merge"]
    assert {h["user"] for h in store.history()} == {"dashboard"}
    assert dash_duo.get_logs() == []


def open_history(driver) -> None:
    if driver.find_element(By.ID, ids.HISTORY_MENU).get_attribute("open") is None:
        driver.find_element(By.CSS_SELECTOR, f"#{ids.HISTORY_MENU} summary").click()


def test_hide_reject_undo_and_history(dash_duo, curation_db):  # noqa: F811
    store = Store(curation_db)
    open_app(dash_duo, store)
    d = dash_duo.driver
    wait_labels(d, {"Riga", "Washington"})
    assert d.find_element(By.ID, ids.UNDO_LAST).get_attribute("disabled")  # nothing yet
    select_actor(d, "Riga")
    click(d, ids.HIDE)
    status(d, "hid 'Riga'")
    wait_labels(d, absent={"Riga"})
    wait_until(lambda: not d.find_element(By.ID, ids.DETAILS_PANEL).is_displayed(),
               what="the selection cleared")
    # reject one typed relation of a sentence on a link, then the rest of another sentence
    js(dash_duo, f"var cy = {CY}; cy.getElementById('{node_id(dash_duo, 'Volkan Karaduman')}')"
                 f".edgesWith(cy.getElementById('{node_id(dash_duo, 'Washington')}'))"
                 ".emit('tap');")
    wait_text(d, f"#{ids.DETAILS} h3", "Volkan Karaduman — Washington")
    before = text_of(d, f"#{ids.DETAILS} .facts")
    button = wait_until(lambda: next(b for b in d.find_elements(
        By.CSS_SELECTOR, f"#{ids.DETAILS} .reject button") if "criticise" in b.text),
        what="a reject button for 'criticise'")
    button.click()
    status(d, "rejected 1 relation between 'Volkan Karaduman' and 'Washington'")
    wait_until(lambda: ": criticise" not in text_of(d, f"#{ids.DETAILS}") and not any(
        "criticise" in b.text for b in d.find_elements(By.CSS_SELECTOR, f"#{ids.DETAILS} "
                                                                          ".reject button")),
               what="the typed relation gone from the link panel")
    assert text_of(d, f"#{ids.DETAILS} .facts").split(" · ")[0] == before.split(" · ")[0]
    d.find_element(By.CSS_SELECTOR, f"#{ids.DETAILS} .reject button").click()
    status(d, "link weight")
    wait_until(lambda: not js(dash_duo, f"var cy = {CY}; return cy.getElementById("
                                        f"'{node_id(dash_duo, 'Volkan Karaduman')}').edgesWith("
                                        f"cy.getElementById('{node_id(dash_duo, 'Washington')}'"
                                        ")).length"), what="the link gone from the graph")
    # undo the last decision: the rejected sentence is back
    wait_until(lambda: "reject" in d.find_element(By.ID, ids.UNDO_LAST).get_attribute("title"),
               what="the undo button names the last decision")
    click(d, ids.UNDO_LAST)
    status(d, "undid decision")
    wait_until(lambda: js(dash_duo, f"var cy = {CY}; return cy.getElementById("
                                    f"'{node_id(dash_duo, 'Volkan Karaduman')}').edgesWith("
                                    f"cy.getElementById('{node_id(dash_duo, 'Washington')}'"
                                    ")).length"), what="the link back")
    # the history lists every decision with who and when; undo a chosen one (the hide)
    open_history(d)
    wait_text(d, f"#{ids.HISTORY}", "undone by")
    entries = d.find_elements(By.CSS_SELECTOR, f"#{ids.HISTORY} li")
    assert len(entries) == 4 and all("dashboard · " in e.text for e in entries)
    hide = next(e for e in entries if "hide 'Riga'" in e.text)
    hide.find_element(By.TAG_NAME, "button").click()
    status(d, "undid decision")
    wait_labels(d, {"Riga"})
    assert [h["action"] for h in store.history()] == ["undo", "undo", "reject", "reject",
                                                      "hide"]
    assert dash_duo.get_logs() == []


def test_dismiss_then_accept_a_suggested_merge(dash_duo, curation_db):  # noqa: F811
    store = Store(curation_db)
    open_app(dash_duo, store)
    d = dash_duo.driver
    wait_labels(d, {SPELLED, OTHERWISE})
    d.find_element(By.ID, "dock").find_element(By.XPATH,
                                               ".//*[text()='Suggested merges']").click()
    card = wait_until(lambda: next(c for c in d.find_elements(
        By.CSS_SELECTOR, f"#{ids.SUGGESTIONS} .suggestion") if SPELLED in c.text
        and OTHERWISE in c.text), what="the suggested pair")
    text = card.text
    assert "spelling" in text and "shared neighbour" in text and "same type" in text
    sentences = card.find_elements(By.CSS_SELECTOR, ".sentence")
    assert len(sentences) == 2 and all(s.find_elements(By.TAG_NAME, "mark") for s in sentences)
    # dismissed: gone from the list (the graph stays as it was); undo brings it back
    card.find_element(By.XPATH, ".//button[text()='Dismiss']").click()
    status(d, "will not be suggested again")
    wait_text(d, f"#{ids.SUGGESTIONS}", "No suggested merges")
    wait_until(lambda: "dismiss" in d.find_element(By.ID, ids.UNDO_LAST).get_attribute(
        "title"), what="the undo button names the dismissal")
    click(d, ids.UNDO_LAST)
    status(d, "undid decision")
    card = wait_until(lambda: next(c for c in d.find_elements(
        By.CSS_SELECTOR, f"#{ids.SUGGESTIONS} .suggestion") if SPELLED in c.text
        and OTHERWISE in c.text), what="the pair suggested again")
    card.find_element(By.XPATH, ".//button[starts-with(text(), 'Accept')]").click()
    status(d, f"merged '{SPELLED}' into '{OTHERWISE}'")
    wait_labels(d, {OTHERWISE}, {SPELLED})
    wait_text(d, f"#{ids.SUGGESTIONS}", "No suggested merges")  # computed again
    assert [h["action"] for h in store.history()] == ["merge", "undo", "dismiss"]


def second_browser(width: int = 1400, height: int = 900) -> webdriver.Chrome:
    """Another headless Chromium, as dash.testing starts its own (another user)."""
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={width},{height}"):
        options.add_argument(arg)
    return webdriver.Chrome(options=options)


def test_two_sessions_deciding_at_once_lose_nothing(dash_duo, curation_db):  # noqa: F811
    store = Store(curation_db)
    open_app(dash_duo, store)
    a = dash_duo.driver
    b = second_browser()
    try:
        b.get(dash_duo.server_url)
        for d in (a, b):
            wait_labels(d, {"Riga", "Moscow"})
        select_actor(b, "Moscow")  # B looks at Moscow, then A decides
        select_actor(a, "Riga")
        click(a, ids.HIDE)
        status(a, "hid 'Riga'")
        box = b.find_element(By.ID, ids.RENAME_INPUT)
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys("Moskva")
        click(b, ids.RENAME)
        # B's view is older than A's decision: refused with a message, and B's view refreshes
        status(b, "the graph changed since this view was loaded")
        wait_labels(b, {"Moscow"}, {"Riga"})
        assert b.find_element(By.ID, ids.RENAME_INPUT).get_attribute("value") == "Moskva"
        click(b, ids.RENAME)  # now on the fresh view
        status(b, "renamed 'Moscow' to 'Moskva'")
        wait_labels(b, {"Moskva"}, {"Moscow", "Riga"})
        assert [h["action"] for h in store.history()] == ["rename", "hide"]
        assert [e for e in b.get_log("browser") if e["level"] == "SEVERE"] == []
    finally:
        b.quit()
    assert dash_duo.get_logs() == []
