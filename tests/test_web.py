"""Web pages and feeds by URL, against a real HTTP server on 127.0.0.1 (tests/local_site.py)."""

from datetime import date

import pytest
from documents import make_pdf, split
from local_site import OTHER, STORY, Site, flaky, page, slow

from graph.cli.main import main
from graph.extraction.article import extract_article
from graph.pipeline.driver import ingest
from graph.readers.articles import (
    ReadOptions,
    read_paths,
    read_url,
)
from graph.readers.fetcher import Fetcher
from graph.store.store import Store

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Fjord Daily</title><link>{base}/</link>
<description>News</description>
<item><title>Ministers meet in Oslo</title><link>{base}/news/talks.html</link>
<pubDate>Mon, 03 Jun 2024 09:00:00 +0200</pubDate>
<description>Only a teaser about the talks.</description></item>
<item><title>Bank raises rates</title><link>{base}/gone.html</link>
<pubDate>Tue, 04 Jun 2024 10:00:00 +0000</pubDate><author>desk@example.org (Desk)</author>
<description>&lt;p&gt;{other}&lt;/p&gt;</description></item>
<item><title>An old story</title><link>{base}/news/old.html</link>
<pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate><description>Old news.</description></item>
</channel></rss>"""


@pytest.fixture(scope="module")
def site():
    s = Site()
    s.html("/news/talks.html", page("Ministers meet in Oslo", STORY,
                                     canonical="/news/talks", date="2024-06-03",
                                     author="Ann Berg", site="Fjord Daily"))
    s.html("/amp/talks.html", page("Ministers meet in Oslo", STORY,
                                   canonical=f"{s.base}/news/talks?utm_source=amp"))
    s.html("/mirror/talks.html", page("Ministers meet in Oslo", STORY))
    s.html("/news/other.html", page("Bank raises rates", OTHER))
    s.routes["/redirect"] = (301, {"Location": "/news/other.html"}, b"")
    s.routes["/slow.html"] = slow(3, page("Late", OTHER))
    s.routes["/flaky.html"] = flaky(1, page("Bank raises rates", OTHER))
    s.routes["/busy.html"] = flaky(99, b"")
    s.routes["/logo.png"] = (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    s.html("/nav.html", b"<html><body><nav><a href='/'>Home</a> | <a href='/w'>World</a>"
                        b"</nav></body></html>")
    s.routes["/report.pdf"] = (200, {"Content-Type": "application/pdf"}, make_pdf(
        [["Fishing talks in Oslo", *STORY.replace(". ", ".\n").split("\n")]],
        {"Title": "Fishing talks", "CreationDate": "D:20240605090000Z"}))
    s.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"},
                             RSS.format(base=s.base, other=OTHER).encode())
    s.start()
    yield s
    s.stop()


def fast(**kw):
    """A fetcher with test-sized timeouts and no politeness delay unless asked for, allowed
    to fetch the local test site (as the command line's fetcher is)."""
    return Fetcher(**{"timeout": 0.5, "retries": 1, "backoff": 0.01, "delay": 0.0,
                      "public_only": False, **kw})


@pytest.mark.slow
def test_a_page_by_url_gives_text_metadata_and_a_canonical_id(site, nlp):
    with fast() as f:
        [a] = read_url(site.url("/news/talks.html"), ReadOptions(fetcher=f))
    host = site.base.removeprefix("http://")
    assert a.id == f"{host}/news/talks" and a.url == site.url("/news/talks")
    assert (a.title, a.author, a.source, a.date) == ("Ministers meet in Oslo", "Ann Berg",
                                                     "Fjord Daily", date(2024, 6, 3))
    assert a.text.startswith("Foreign ministers of Norway") and "Santiago in June." in a.text
    for chrome in ("Home", "Related stories", "Peru", "Copyright"):
        assert chrome not in a.text
    names = {m.name for m in extract_article(a, nlp).mentions}
    assert {"Norway", "Chile", "Oslo"} <= names and not names & {"Peru", "Japan", "Fjord Daily"}
    assert a.origin == site.url("/news/talks.html")


def test_failed_urls_are_one_line_each_and_the_batch_goes_on(site):
    urls = [site.url(p) for p in ("/missing.html", "/slow.html", "/logo.png", "/nav.html",
                                  "/redirect", "/busy.html", "/report.pdf")]
    with fast() as f:
        articles, errors, _, _ = split(read_paths([*urls, "ftp://example.org/x"],
                                                  ReadOptions(fetcher=f)))
    host = site.base.removeprefix("http://")
    assert {a.id: a.url for a in articles} == {
        f"{host}/news/other.html": site.url("/news/other.html"),  # after the redirect
        f"{host}/report.pdf": site.url("/report.pdf"),
    }
    assert errors == [
        f"{site.url('/missing.html')}: HTTP 404 Not Found",
        f"{site.url('/slow.html')}: timed out after 0.5 s (2 attempts)",
        f"{site.url('/logo.png')}: not an article (content type image/png)",
        f"{site.url('/nav.html')}: no article text found in HTML",
        f"{site.url('/busy.html')}: HTTP 503 Service Unavailable (2 attempts)",
        "ftp://example.org/x: cannot fetch ftp:// URLs; only http(s)",
    ]
    pdf = next(a for a in articles if a.id.endswith("report.pdf"))
    assert pdf.title == "Fishing talks" and pdf.date == date(2024, 6, 5)


def test_server_errors_are_retried_with_backoff_client_errors_are_not(site):
    pauses = []
    with Fetcher(timeout=2, retries=3, backoff=0.5, delay=0, sleep=pauses.append,
                 public_only=False) as f:
        page_ = f.fetch(site.url("/flaky.html"))
        assert b"Bank raises rates" in page_.data and pauses == [0.5]
        before = len(site.log)
        with pytest.raises(Exception, match="HTTP 404"):
            f.fetch(site.url("/missing.html"))
        assert len(site.log) == before + 1 and pauses == [0.5]
        with pytest.raises(Exception, match=r"HTTP 503 Service Unavailable \(4 attempts\)"):
            f.fetch(site.url("/busy.html"))
        assert pauses == [0.5, 0.5, 1.0, 2.0]


def test_requests_are_polite_and_say_who_is_asking(site):
    with fast(delay=0.3) as f:
        start = len(site.log)
        f.fetch(site.url("/news/other.html"))
        f.fetch(site.url("/news/talks.html"))
    (_, agent, t1), (_, _, t2) = site.log[start:start + 2]
    assert agent.startswith("relgraph/") and "+http" in agent
    assert t2 - t1 >= 0.29


def test_downloads_over_the_size_limit_are_refused(site):
    with fast(max_bytes=100) as f:
        _, [error], _, _ = split(read_url(site.url("/news/other.html"),
                                          ReadOptions(fetcher=f)))
    assert error == f"{site.url('/news/other.html')}: larger than 100 bytes; not downloaded"


def test_a_feed_by_url_reads_linked_pages_else_the_entry(site):
    with fast() as f:
        articles, errors, warnings, skipped = split(read_url(
            site.url("/feed.xml"), ReadOptions(fetcher=f, since=date(2024, 6, 1))))
    host = site.base.removeprefix("http://")
    assert errors == []
    first, second = articles
    # the linked page's text, not the feed's teaser
    assert first.id == f"{host}/news/talks" and "Santiago in June" in first.text
    assert first.date == date(2024, 6, 3) and first.source == "Fjord Daily"
    # the linked page is gone: the entry's own text, its date, the feed's title as source
    assert second.id == f"{host}/gone.html" and second.text == OTHER
    assert (second.title, second.date, second.source) == ("Bank raises rates",
                                                          date(2024, 6, 4), "Fjord Daily")
    assert warnings == [f"{site.url('/feed.xml')}[2]: the linked page was not read: HTTP 404 "
                        "Not Found; the feed's own text is used"]
    assert skipped == [f"{site.url('/feed.xml')} (1 entry dated before 2024-06-01)"]


def _rss(*entries: tuple[str, str]) -> bytes:
    items = "".join(f"<item><title>Story {n}</title><link>{link}</link>"
                    f"<description>{text}</description></item>"
                    for n, (link, text) in enumerate(entries, start=1))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}'
            "</channel></rss>").encode()


def test_a_feeds_links_are_followed_one_level_only(tmp_path):
    # a feed whose entries link to itself, to another feed and to a page, read by URL and as a
    # file: each entry's link is fetched once, and a linked feed is not read as a feed (a feed
    # linking to itself made 243 requests, and a few such links fan out without end)
    s = Site()

    def feed(body: bytes):  # noqa: ANN202
        # gone after 20 requests, so that a reader that recurses stops (two self-links fan out)
        return lambda: (200, {"Content-Type": "application/rss+xml"}, body) \
            if len(s.log) <= 20 else (404, {}, b"")

    s.routes["/loop.xml"] = feed(_rss((s.url("/loop.xml"), STORY), (s.url("/wire.xml"), OTHER),
                                      (s.url("/news/talks.html"), "A teaser.")))
    s.routes["/wire.xml"] = feed(_rss((s.url("/loop.xml"), STORY),
                                      (s.url("/news/other.html"), OTHER)))
    s.html("/news/talks.html", page("Ministers meet in Oslo", STORY))
    s.html("/news/other.html", page("Bank raises rates", OTHER))
    s.start()
    (tmp_path / "up.rss").write_bytes(_rss((s.url("/loop.xml"), OTHER),
                                           (s.url("/wire.xml"), STORY)))
    try:
        with fast() as f:
            by_url = split(read_url(s.url("/loop.xml"), ReadOptions(fetcher=f)))
            by_url_log = [path for path, _, _ in s.log]
            s.log.clear()
            by_file = split(read_paths([tmp_path / "up.rss"], ReadOptions(fetcher=f)))
            by_file_log = [path for path, _, _ in s.log]
    finally:
        s.stop()
    assert by_url_log == ["/loop.xml", "/loop.xml", "/wire.xml", "/news/talks.html"]
    assert by_file_log == ["/loop.xml", "/wire.xml"]
    articles, errors, warnings, _ = by_url
    assert errors == [] and [a.text for a in articles[:2]] == [STORY, OTHER]
    assert "Santiago in June" in articles[2].text  # the linked page's text
    assert [a.title for a in articles] == ["Story 1", "Story 2", "Ministers meet in Oslo"]
    note = ("the linked page was not read: another feed (a feed's links are followed one "
            "level only); the feed's own text is used")
    assert warnings == [f"{s.url('/loop.xml')}[{n}]: {note}" for n in (1, 2)]
    articles, errors, warnings, _ = by_file
    assert errors == [] and [a.text for a in articles] == [OTHER, STORY]
    assert warnings == [f"{tmp_path / 'up.rss'}[{n}]: {note}" for n in (1, 2)]


def test_a_feed_file_and_xml_that_is_no_feed(site, tmp_path):
    atom = (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire'
            f'</title><entry><title>Rates</title><link href="{site.url("/news/other.html")}"/>'
            "<updated>2024-06-04T10:00:00Z</updated></entry><entry><title>No link</title>"
            f"<updated>2024-06-05T10:00:00Z</updated><content type='html'>&lt;p&gt;{STORY}"
            "&lt;/p&gt;</content></entry></feed>")
    (tmp_path / "wire.atom").write_text(atom)
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url/></urlset>')
    (tmp_path / "notfeed.rss").write_text("this is not a feed")
    with fast() as f:
        articles, errors, warnings, skipped = split(read_paths([tmp_path],
                                                               ReadOptions(fetcher=f)))
    assert [a.id for a in articles] == [f"{site.base.removeprefix('http://')}/news/other.html",
                                        "wire-2"]
    assert articles[0].date == date(2024, 6, 4) and articles[1].text == STORY
    assert errors == [f"{tmp_path}/notfeed.rss: not an RSS or Atom feed (XML syntax error at "
                      "line 2)"] and warnings == []
    assert skipped == [f"{tmp_path}/sitemap.xml (unsupported type: XML, not an RSS/Atom feed)"]


@pytest.mark.slow
def test_ingest_stores_a_story_reached_by_several_urls_once_and_reingest_is_free(site,
                                                                                 tmp_path):
    urls = [site.url(p) for p in ("/news/talks.html", "/amp/talks.html", "/mirror/talks.html",
                                  "/news/other.html")]
    store = Store(tmp_path / "w.db")
    lines = []
    with fast() as f:
        first = ingest(urls, store, progress=False, on_error=lines.append,
                       read_options=ReadOptions(fetcher=f))
    host = site.base.removeprefix("http://")
    assert (first.new, first.duplicates, first.failed) == (2, 2, 0)
    assert lines == [
        f"warning: {site.url('/amp/talks.html')}: same story as article '{host}/news/talks'; "
        "stored once",
        f"warning: {site.url('/mirror/talks.html')}: same story as article "
        f"'{host}/news/talks'; stored once",
    ]
    assert {a["id"] for a in store.articles()} == {f"{host}/news/talks",
                                                   f"{host}/news/other.html"}
    revision = store.revision()
    with fast() as f:
        again = ingest(urls, store, progress=False, on_error=lines.append,
                       read_options=ReadOptions(fetcher=f))
    assert (again.new, again.updated, again.unchanged, again.duplicates, again.words) == (
        0, 0, 2, 2, 0)
    assert store.revision() == revision


@pytest.mark.slow
def test_cli_reads_urls_and_url_files(site, tmp_path, capsys):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# reading list\n{site.url('/news/other.html')}\n\nnot a url\n"
                       f"{site.url('/missing.html')}\n")
    db = tmp_path / "c.db"
    code = main(["ingest", site.url("/news/talks.html"), "--urls", str(listing), "--db",
                 str(db), "-q"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert err.splitlines() == [f"error: {listing}:4: not an http(s) URL",
                                f"error: {site.url('/missing.html')}: HTTP 404 Not Found"]
    host = site.base.removeprefix("http://")
    assert {a["id"] for a in Store(db).articles()} == {f"{host}/news/talks",
                                                       f"{host}/news/other.html"}


@pytest.mark.slow
def test_only_articles_read_from_links_are_checked_for_copies(site, tmp_path):
    # Records in a file may share a url (a site's home page): they stay separate articles.
    # A page fetched later whose URL a stored record already has is that record's story.
    records = tmp_path / "export.jsonl"
    records.write_text("\n".join([
        f'{{"id": "r1", "url": "{site.url("/")}", "text": "{OTHER}"}}',
        f'{{"id": "r2", "url": "{site.url("/")}", "text": "{STORY}"}}',
        f'{{"id": "r3", "url": "{site.url("/news/talks")}", "text": "{STORY} Updated."}}']))
    store = Store(tmp_path / "f.db")
    lines = []
    with fast() as f:
        s = ingest([records, site.url("/news/talks.html")], store, progress=False,
                   on_error=lines.append, read_options=ReadOptions(fetcher=f))
    assert (s.new, s.duplicates) == (3, 1)
    assert lines == [f"warning: {site.url('/news/talks.html')}: same story as article 'r3'; "
                     "stored once"]


def test_a_public_only_fetcher_refuses_local_addresses(site):
    with fast(public_only=True) as f:
        _, [error], _, _ = split(read_url(site.url("/news/talks.html"), ReadOptions(fetcher=f)))
    assert error == f"{site.url('/news/talks.html')}: refused: 127.0.0.1 is a local or private " \
                    "address"


@pytest.mark.slow
def test_cli_feed_since(site, tmp_path, capsys):
    db = tmp_path / "feed.db"
    code = main(["ingest", site.url("/feed.xml"), "--since", "2024-06-01", "--timeout", "5",
                 "--db", str(db)])
    out, err = capsys.readouterr()
    assert code == 0
    assert err.splitlines() == [
        f"warning: {site.url('/feed.xml')}[2]: the linked page was not read: HTTP 404 Not Found;"
        " the feed's own text is used",
        f"skipped: {site.url('/feed.xml')} (1 entry dated before 2024-06-01)"]
    assert out.startswith("articles: 2 new, 0 updated, 0 unchanged, 0 failed, 1 warning; "
                          "1 skipped")
    assert len(Store(db).articles()) == 2


@pytest.mark.parametrize("url,expected", [
    ("https://www.example.org/news/talks-in-berlin/?page=2#top",
     "example.org/news/talks-in-berlin?page=2"),
    ("http://example.org:8080/a%20b/%C3%BCber", "example.org:8080/a-b/über"),
    ("https://example.org/" + "x" * 300, None),
])
def test_url_ids_are_readable_and_stable(url, expected):
    from graph.readers.urls import clean_url, url_id

    got = url_id(clean_url(url))
    if expected:
        assert got == expected
    else:
        assert len(got) <= 111 and got.startswith("example.org/xxx") and "~" in got
        assert got == url_id(clean_url(url)) != url_id(clean_url(url + "y"))


@pytest.mark.slow
def test_a_changed_page_replaces_its_article(site, tmp_path):
    site.html("/live.html", page("Talks begin", STORY))
    store = Store(tmp_path / "live.db")
    with fast() as f:
        ingest([site.url("/live.html")], store, progress=False,
               read_options=ReadOptions(fetcher=f))
        site.html("/live.html", page("Talks end", OTHER))
        s = ingest([site.url("/live.html")], store, progress=False,
                   read_options=ReadOptions(fetcher=f))
    assert (s.new, s.updated) == (0, 1)
    [stored] = store.articles()
    assert stored["title"] == "Talks end" and "Kenya" in store.article_text(stored["id"])


@pytest.mark.slow
def test_a_page_reached_later_by_another_link_to_its_canonical_url_is_that_article(site,
                                                                                   tmp_path):
    # The id and its location come from the canonical URL, so the AMP copy read in a later
    # run is the same article (updated: its page carries less metadata), not an id collision.
    store = Store(tmp_path / "amp.db")
    lines = []
    with fast() as f:
        ingest([site.url("/news/talks.html")], store, progress=False, on_error=lines.append,
               read_options=ReadOptions(fetcher=f))
        s = ingest([site.url("/amp/talks.html")], store, progress=False,
                   on_error=lines.append, read_options=ReadOptions(fetcher=f))
    assert (s.new, s.updated, s.failed) == (0, 1, 0) and lines == []
    assert [a["id"] for a in store.articles()] == [
        f"{site.base.removeprefix('http://')}/news/talks"]
