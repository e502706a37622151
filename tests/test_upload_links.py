"""Adding links from the dashboard's "Add articles" menu: fetched and ingested in the
background, one line per failed link, local and private addresses refused by default."""

import time

import pytest
from local_site import STORY, Site, page

from dashboard.upload_jobs import Uploads
from graph.readers.fetcher import Fetcher
from graph.store.store import Store


@pytest.fixture
def site():
    s = Site()
    s.html("/news/talks.html", page("Ministers meet in Oslo", STORY, date="2024-05-06"))
    s.start()
    yield s
    s.stop()


def wait(uploads: Uploads, job: str) -> dict:
    deadline = time.time() + 120
    while (status := uploads.status(job))["state"] != "done":
        assert time.time() < deadline, status
        time.sleep(0.1)
    return status


@pytest.mark.slow
def test_links_are_fetched_and_ingested_with_one_line_per_failure(site, tmp_path):
    store = Store(tmp_path / "l.db")
    uploads = Uploads(store, fetcher=lambda: Fetcher(delay=0, retries=0, timeout=5,
                                                     public_only=False))
    job = uploads.submit_links(f"{site.url('/news/talks.html')}\n\n{site.url('/gone')}\n")
    status = wait(uploads, job)
    assert status["done"] == status["total"] == 2
    assert len(status["errors"]) == 1 and "HTTP 404" in status["errors"][0]
    assert "/gone" in status["errors"][0] and "1 new" in status["lines"][0]
    labels = {r["label"] for r in store.actor_table()}
    assert {"Norway", "Chile"} <= labels


def test_by_default_a_server_does_not_fetch_its_own_network(site, tmp_path):
    uploads = Uploads(Store(tmp_path / "p.db"))
    status = wait(uploads, uploads.submit_links(site.url("/news/talks.html")))
    assert status["errors"] and Store(tmp_path / "p.db").counts()["articles"] == 0


@pytest.mark.parametrize("text,message", [
    ("", "paste one or more links"), ("file:///etc/passwd", "not an http"),
    ("\n".join(f"https://example.org/{i}" for i in range(51)), "at most 50 links")])
def test_bad_link_lists_are_refused_at_once(tmp_path, text, message):
    with pytest.raises(ValueError, match=message):
        Uploads(Store(tmp_path / "b.db")).submit_links(text)
