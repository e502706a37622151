"""Upload jobs that cannot hold the line (issue 20, item 5): per-job bounds (articles,
seconds), a visible queue, and a cancel button only the job's holder can press. A job that
stops early keeps what it stored and says what it left out. Real mailboxes generated here,
a real SQLite store, the real spaCy model."""

from __future__ import annotations

import base64
import json
import re
import tempfile
import threading
import time

import pytest

from dashboard.upload_jobs import Uploads
from dashboard.uploads import ordinal
from graph.pipeline.driver import ingest
from graph.store.store import Store

PLACES = ["Oslo", "Lima", "Nairobi", "Hanoi", "Tunis", "Quito"]


def mailbox(n: int, start: int = 0) -> bytes:
    """``n`` small messages, each an article (invented people; places vary)."""
    out = []
    for i in range(start, start + n):
        out.append(f"From desk{i}@example.org Mon Jan  1 00:00:00 2024\n"
                   f"From: Desk {i} <desk{i}@example.org>\nSubject: Talks, round {i}\n"
                   f"Date: Mon, 1 Jan 2024 10:00:00 +0000\nMessage-ID: <m{i}@example.org>\n\n"
                   f"Minister Ilse Varga met envoy Tomas Brandt in {PLACES[i % 6]} on round {i}."
                   " They discussed fishing quotas.\n\n")
    return "".join(out).encode()


def first_line_of(n: int) -> int:
    """The line of the n-th message's 'From ' line (1-based) in :func:`mailbox` output."""
    return 1 + (n - 1) * 8


def wait(uploads: Uploads, job: str, seconds: float = 300) -> dict:
    deadline = time.monotonic() + seconds
    while (status := uploads.status(job))["state"] != "done":
        assert time.monotonic() < deadline, status
        time.sleep(0.05)
    return status


def wait_running(uploads: Uploads, job: str) -> None:
    deadline = time.monotonic() + 60
    while uploads.status(job)["state"] == "waiting":
        assert time.monotonic() < deadline
        time.sleep(0.05)


@pytest.mark.slow
def test_ingest_stops_at_its_limit_and_when_asked(tmp_path):
    (tmp_path / "box.mbox").write_bytes(mailbox(40))
    store = Store(tmp_path / "b.db")
    summary = ingest([tmp_path / "box.mbox"], store, progress=False, limit=5)
    assert (summary.new, summary.read, summary.stopped) == (5, 5, "limit")
    assert summary.not_read == f"{tmp_path}/box.mbox:{first_line_of(6)}"
    asked = []
    stopped = ingest([tmp_path / "box.mbox"], store, progress=False,
                     stop=lambda: asked.append(1) or len(asked) > 20)
    assert stopped.stopped == "stop" and stopped.new == 0 and store.counts()["articles"] == 5
    assert stopped.unchanged + stopped.left_out + 5 <= 40 and stopped.not_read


@pytest.mark.slow
def test_a_huge_mailbox_stops_at_the_time_bound_and_the_next_job_then_runs(tmp_path):
    # the article bound is out of reach (20,000 messages cannot be parsed in 20 s on any
    # machine this runs on), so the time bound is what stops the job, however fast it is
    store = Store(tmp_path / "t.db")
    uploads = Uploads(store, max_seconds=20, max_articles=20_000)
    started = time.monotonic()
    big = uploads.submit([("news.mbox", mailbox(20_000))])
    second = uploads.submit([("late.mbox", mailbox(3, start=50_000))])
    wait_running(uploads, big)
    assert uploads.status(second)["state"] == "waiting"
    assert uploads.status(second)["ahead"] == 1  # "2nd in line"
    status = wait(uploads, big)
    took = time.monotonic() - started
    # what the job says it stored (the store is checked below, once the job behind it, which
    # starts at once, is done too)
    added = re.fullmatch(r"([\d,]+) new, 0 updated articles; 0 errors", status["lines"][0])
    assert added, status["lines"]
    stored = int(added[1].replace(",", ""))
    assert 0 < stored < 20_000
    assert took < 20 + 20, f"the job ran {took:.0f} s"  # + one batch of 8, resolution
    said = re.fullmatch(r"stopped after 20 s \(the limit of a job\); ([\d,]+) of ([\d,]+) "
                        r"articles read were left out(?:; not read: news\.mbox:(\d+) onwards)?",
                        status["lines"][1])
    assert said, status["lines"]
    left_out, read = (int(said[i].replace(",", "")) for i in (1, 2))
    assert left_out == read - stored
    assert said[3] is None if read == 20_000 else int(said[3]) == first_line_of(read + 1)
    late = wait(uploads, second)
    assert late["lines"] == ["3 new, 0 updated articles; 0 errors"]
    assert store.counts()["articles"] == stored + 3


@pytest.mark.slow
def test_the_article_bound_leaves_the_rest_of_the_file_and_the_other_files(tmp_path):
    store = Store(tmp_path / "a.db")
    uploads = Uploads(store, max_articles=50)
    job = uploads.submit([("many.mbox", mailbox(120)), ("other.mbox", mailbox(5, start=500)),
                          ("more.mbox", mailbox(5, start=600))])
    status = wait(uploads, job)
    assert store.counts()["articles"] == 50
    assert status["lines"] == [
        "50 new, 0 updated articles; 0 errors",
        "stopped at 50 articles (the limit of a job); not read: "
        f"many.mbox:{first_line_of(51)} onwards; 2 more files not read (other.mbox, "
        "more.mbox)"]


@pytest.mark.slow
def test_a_cancelled_job_keeps_what_it_stored_and_only_its_id_cancels_it(tmp_path):
    store = Store(tmp_path / "c.db")
    uploads = Uploads(store, max_seconds=300)
    big = uploads.submit([("news.mbox", mailbox(20_000))])
    waiting = uploads.submit([("later.mbox", mailbox(3, start=90_000))])
    wait_running(uploads, big)
    assert not uploads.cancel("not-" + big) and not uploads.cancel(None)
    assert uploads.cancel(waiting)
    assert wait(uploads, waiting, 5)["lines"] == ["cancelled before it started: nothing added"]
    deadline = time.monotonic() + 120
    while store.counts()["articles"] < 16 and time.monotonic() < deadline:
        time.sleep(0.2)  # a first batch is written
    assert uploads.cancel(big)
    asked = time.monotonic()
    status = wait(uploads, big, 60)
    assert time.monotonic() - asked < 15
    stored = store.counts()["articles"]
    assert 16 <= stored < 20_000
    assert status["lines"][0].startswith(f"{stored:,} new")
    assert status["lines"][1].startswith("cancelled after")
    assert "left out" in status["lines"][1] or "not read" in status["lines"][1]
    assert not uploads.cancel(big)  # finished: nothing to cancel
    assert store.counts()["articles"] == stored  # nothing from the cancelled waiting job


def test_error_lines_are_capped_and_counted(tmp_path):
    uploads = Uploads(Store(tmp_path / "e.db"))
    junk = b"".join(f"From x{i}@example.org Mon Jan  1 00:00:00 2024\n\njust text\n\n".encode()
                    for i in range(300))
    status = wait(uploads, uploads.submit([("junk.mbox", junk)]))
    assert len(status["errors"]) == 101 and status["errors"][-1] == "… and 200 more errors"
    assert status["lines"] == ["0 new, 0 updated articles; 300 errors"]


@pytest.mark.slow
def test_a_full_line_is_refused_with_one_line(tmp_path, monkeypatch):
    import dashboard.upload_jobs as up

    monkeypatch.setattr(up, "MAX_WAITING", 1)
    uploads = Uploads(Store(tmp_path / "f.db"), max_seconds=60)
    first = uploads.submit([("a.mbox", mailbox(5000))])
    wait_running(uploads, first)
    uploads.submit([("b.mbox", mailbox(2))])
    with pytest.raises(ValueError, match=r"the server is busy \(1 uploads waiting\)"):
        uploads.submit([("c.mbox", mailbox(2))])
    uploads.cancel(first)
    wait(uploads, first, 60)


@pytest.mark.parametrize("value", ["0", "-3", "soon"])
def test_bad_bounds_in_the_environment_are_one_line(tmp_path, monkeypatch, value):
    monkeypatch.setenv("RELGRAPH_UPLOAD_MAX_SECONDS", value)
    with pytest.raises(ValueError, match="RELGRAPH_UPLOAD_MAX_SECONDS must be a positive"):
        Uploads(Store(tmp_path / "g.db"))
    monkeypatch.setenv("RELGRAPH_UPLOAD_MAX_SECONDS", "7.5")
    assert Uploads(Store(tmp_path / "g.db")).max_seconds == 7.5


def test_ordinals():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]


# -- through the dashboard's own callbacks ----------------------------------------------------
def call(client, app, match: str, inputs: dict, state: dict | None = None) -> dict:
    """POST a callback call the way Dash's front end does; returns the JSON response."""
    key = next(k for k in app.callback_map if match in k)
    cb = app.callback_map[key]
    outputs = cb["output"] if isinstance(cb["output"], list) else [cb["output"]]
    body = {"output": key,
            "outputs": [{"id": o.component_id, "property": o.component_property}
                        for o in outputs],
            "inputs": [{**i, "value": inputs.get(f"{i['id']}.{i['property']}")}
                       for i in cb["inputs"]],
            "state": [{**s, "value": (state or {}).get(f"{s['id']}.{s['property']}")}
                      for s in cb["state"]],
            "changedPropIds": [next(iter(inputs))]}
    r = client.post("/_dash-update-component", json=body, headers={"Host": "127.0.0.1:8050"})
    assert r.status_code in (200, 204), r.data[:300]
    return json.loads(r.data) if r.status_code == 200 else {}


@pytest.mark.slow
def test_the_page_shows_its_place_in_line_and_cancels_only_its_own_job(tmp_path):
    from dashboard import create_app

    store = Store(tmp_path / "d.db")
    app = create_app(store, uploads_on=True)
    client = app.server.test_client()
    data = "data:application/mbox;base64," + base64.b64encode(mailbox(20_000)).decode()

    def start(name: str) -> str:
        out = call(client, app, "upload-job.data", {"upload.contents": [data]},
                   {"upload.filename": [name]})
        return out["response"]["upload-job"]["data"]

    def poll(job: str) -> dict:
        return call(client, app, "upload-progress.value", {"upload-poll.n_intervals": 1},
                    {"upload-job.data": job, "data-revision.data": 0})["response"]

    mine, theirs = start("mine.mbox"), start("theirs.mbox")
    deadline = time.monotonic() + 60
    while "Adding" not in json.dumps(poll(mine)) and time.monotonic() < deadline:
        time.sleep(0.1)
    shown = poll(theirs)
    assert shown["upload-status"]["children"][0] == "Waiting: 2nd in line…"
    assert shown["upload-cancel"]["hidden"] is False
    cancel = "upload-cancel.hidden@"  # the cancel button's own callback
    out = call(client, app, cancel, {"upload-cancel.n_clicks": 1},
               {"upload-job.data": "a-guessed-id"})
    assert "upload-status" not in out.get("response", {})  # nothing cancelled
    out = call(client, app, cancel, {"upload-cancel.n_clicks": 1}, {"upload-job.data": theirs})
    assert out["response"]["upload-status"]["children"] == "Cancelling…"
    done = poll(theirs)
    assert done["upload-status"]["children"][0]["props"]["children"] == (
        "cancelled before it started: nothing added")
    assert "Adding" in json.dumps(poll(mine))  # the other job runs on
    call(client, app, cancel, {"upload-cancel.n_clicks": 2}, {"upload-job.data": mine})
    while "Adding" in json.dumps(poll(mine)) and time.monotonic() < deadline + 60:
        time.sleep(0.2)
    assert "cancelled after" in json.dumps(poll(mine))


# -- review of issue 20, item 5 ------------------------------------------------------------
def start_upload(app, client, name: str, data: bytes) -> dict:
    """The "Add articles" upload callback, as the page calls it; its response."""
    content = "data:application/octet-stream;base64," + base64.b64encode(data).decode()
    return call(client, app, "upload-job.data", {"upload.contents": [content]},
                {"upload.filename": [name]})["response"]


SUMMIT = b"Olaf Kessler met Etienne Lavergne in Paris on Monday. Kessler thanked Lavergne."


@pytest.mark.slow
def test_an_upload_is_read_from_its_bytes_and_named_by_its_name(tmp_path, monkeypatch):
    # no temporary file or folder can be made (the temporary directory is a regular file):
    # an upload is read from its bytes, so it goes through all the same
    from dashboard import create_app

    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setattr(tempfile, "tempdir", str(blocker))
    store = Store(tmp_path / "s.db")
    app = create_app(store, uploads_on=True)
    client = app.server.test_client()
    files = {"summit.txt": SUMMIT, "broken.jsonl": b'{"id": "x", "text": "fine"}\n{not json\n'}
    contents = ["data:application/octet-stream;base64," + base64.b64encode(d).decode()
                for d in files.values()]
    job = call(client, app, "upload-job.data", {"upload.contents": contents},
               {"upload.filename": list(files)})["response"]["upload-job"]["data"]
    deadline = time.monotonic() + 120
    while not (shown := call(client, app, "upload-progress.value",
                             {"upload-poll.n_intervals": 1},
                             {"upload-job.data": job, "data-revision.data": 0})["response"]
               )["upload-poll"]["disabled"]:
        assert time.monotonic() < deadline, shown
        time.sleep(0.1)
    lines = [(div["props"]["children"], div["props"].get("className"))
             for div in shown["upload-status"]["children"]]
    assert lines[0] == ("2 new, 0 updated articles; 1 error", None)
    assert len(lines) == 2 and lines[1][1] == "error"
    assert lines[1][0].startswith("error: broken.jsonl:2: ")  # the user's file name
    states = store.article_states()
    # the article's id is the file name's stem; its origin is the upload's name
    assert (states["summit"].origin, states["summit"].location) == (
        "summit.txt", "upload:summit.txt")
    assert (states["x"].origin, states["x"].location) == ("broken.jsonl:1",
                                                          "upload:broken.jsonl")
    assert blocker.read_text() == "not a directory"


@pytest.mark.slow
def test_a_pasted_article_and_links_go_through_the_callbacks_named_values(tmp_path):
    from dashboard import create_app

    store = Store(tmp_path / "p.db")
    app = create_app(store, uploads_on=True)
    client = app.server.test_client()
    text = "Olaf Kessler met Etienne Lavergne in Paris. Kessler thanked Lavergne."
    out = call(client, app, "upload-job.data", {"paste-add.n_clicks": 1},
               {"paste-title.value": " Summit ", "paste-date.value": "2024-05-06",
                "paste-source.value": "Wire", "paste-text.value": text})["response"]
    assert out["upload-status"]["children"] == "Adding 1 file…"
    assert out["upload-poll"]["disabled"] is False
    deadline = time.monotonic() + 120
    while not store.counts()["articles"]:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    [article] = store.stored_articles(store.article_states())
    assert (article.title, str(article.date), article.source, article.origin) == (
        "Summit", "2024-05-06", "Wire", "pasted-article.json[1]")
    assert article.id.startswith("pasted-")
    # (local addresses: the server refuses them at once, nothing is fetched)
    out = call(client, app, "upload-job.data", {"links-add.n_clicks": 1},
               {"links.value": "http://127.0.0.1/a\n\nhttp://10.0.0.1/b\n"})
    assert out["response"]["upload-status"]["children"] == "Fetching 2 links…"
    out = call(client, app, "upload-job.data", {"paste-add.n_clicks": 2},
               {"paste-text.value": "  "})["response"]
    assert out["upload-status"]["children"]["props"]["children"] == (
        "error: paste the article's text first")
    assert out["upload-poll"]["disabled"] is True and "upload-job" not in out


@pytest.mark.slow
def test_the_same_file_uploaded_again_is_unchanged_or_updated_never_an_error(tmp_path):
    store = Store(tmp_path / "r.db")
    uploads = Uploads(store)
    assert wait(uploads, uploads.submit([("summit.txt", SUMMIT)]))["lines"] == [
        "1 new, 0 updated article; 0 errors"]
    again = wait(uploads, uploads.submit([("summit.txt", SUMMIT)]))
    assert (again["lines"], again["errors"]) == (["0 new, 0 updated articles; 0 errors"], [])
    changed = wait(uploads, uploads.submit([("summit.txt", SUMMIT + b" They met again.")]))
    assert (changed["lines"], changed["errors"]) == (["0 new, 1 updated article; 0 errors"],
                                                     [])
    assert list(store.article_states()) == ["summit"]


@pytest.mark.slow
def test_an_upload_does_not_take_over_an_id_a_file_from_disk_holds(tmp_path):
    (tmp_path / "summit.txt").write_bytes(SUMMIT)
    store = Store(tmp_path / "o.db")
    ingest([tmp_path / "summit.txt"], store, progress=False)
    uploads = Uploads(store)
    status = wait(uploads, uploads.submit([("summit.txt", SUMMIT + b" Other text.")]))
    assert status["lines"] == ["0 new, 0 updated articles; 1 error"]
    assert status["errors"][0].startswith(
        f"error: summit.txt: article id 'summit' is already used by {tmp_path}/summit.txt")
    assert store.article_states()["summit"].origin == f"{tmp_path}/summit.txt"


def test_two_files_of_one_name_in_one_upload_are_refused(tmp_path):
    with pytest.raises(ValueError, match=r"^notes\.txt: two files with this name; rename one$"):
        Uploads(Store(tmp_path / "n.db")).submit([("notes.txt", b"a b"), ("x.txt", b"c"),
                                                  ("notes.txt", b"d e")])


@pytest.mark.slow
def test_a_finished_or_cancelled_job_lets_go_of_its_bytes(tmp_path):
    uploads = Uploads(Store(tmp_path / "m.db"), max_seconds=60)
    first = uploads.submit([("a.mbox", mailbox(5000))])
    wait_running(uploads, first)
    waiting = uploads.submit([("b.mbox", mailbox(2))])
    jobs = uploads._jobs  # what the app keeps, for an hour after a job ends
    assert uploads.cancel(waiting) and jobs[waiting].work is None
    uploads.cancel(first)
    wait(uploads, first, 60)
    assert jobs[first].work is None


@pytest.mark.slow
def test_simultaneous_uploads_never_push_the_line_past_its_bound(tmp_path, monkeypatch):
    import dashboard.upload_jobs as jobs

    monkeypatch.setattr(jobs, "MAX_WAITING", 2)
    uploads = Uploads(Store(tmp_path / "l.db"), max_seconds=120)
    first = uploads.submit([("a.mbox", mailbox(5000))])
    wait_running(uploads, first)
    together = threading.Barrier(8)
    accepted, refused = [], []

    def upload(i: int) -> None:
        together.wait()
        try:
            accepted.append(uploads.submit([(f"{i}-{k}.mbox", mailbox(2, start=1000 * i))
                                            for k in range(100)]))
        except ValueError as exc:
            refused.append(str(exc))

    threads = [threading.Thread(target=upload, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    waiting = [job for job in accepted if uploads.status(job)["state"] == "waiting"]
    assert (len(accepted), len(waiting), len(refused)) == (2, 2, 6)
    assert all(line.startswith("the server is busy (2 uploads waiting)") for line in refused)
    for job in [first, *accepted]:
        uploads.cancel(job)
    wait(uploads, first, 60)


@pytest.mark.parametrize("value", ["0.5", "1.5", "0", "-3", "1e3", "soon", "inf"])
def test_the_article_bound_must_be_a_whole_number(tmp_path, monkeypatch, value):
    monkeypatch.setenv("RELGRAPH_UPLOAD_MAX_ARTICLES", value)
    with pytest.raises(ValueError) as raised:
        Uploads(Store(tmp_path / "n.db"))
    assert str(raised.value) == ("RELGRAPH_UPLOAD_MAX_ARTICLES must be a whole number of at "
                                 f"least 1, not {value!r}")
    monkeypatch.setenv("RELGRAPH_UPLOAD_MAX_ARTICLES", " 1 ")
    assert Uploads(Store(tmp_path / "n.db")).max_articles == 1


@pytest.mark.parametrize("value", ["inf", "nan"])
def test_the_time_bound_must_be_finite(tmp_path, monkeypatch, value):
    monkeypatch.setenv("RELGRAPH_UPLOAD_MAX_SECONDS", value)
    with pytest.raises(ValueError, match="RELGRAPH_UPLOAD_MAX_SECONDS must be a positive"):
        Uploads(Store(tmp_path / "i.db"))
