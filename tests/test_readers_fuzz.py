"""Any bytes under any supported name: readers yield items, each one line, and every failure
is one the readers foresaw (never the catch-all "could not read")."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.readers.articles import SUFFIXES, Article, InputError, InputWarning, Skipped, read_bytes

PREFIXES = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"From x\n", b"Subject: s\nFrom: a@b\n\n",
            b"<rss version='2.0'><channel><item>", b'{"text": ', b"id,text\n", b"<html><p>",
            b"\xff\xfe", b"---\ntitle: t\n"]


@pytest.mark.parametrize("suffix", SUFFIXES)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES), data=st.binary(max_size=400),
       text=st.text(max_size=200))
def test_any_bytes_give_one_line_items(suffix, prefix, data, text):
    for payload in (prefix + data, prefix + text.encode("utf-8", "surrogatepass")):
        items = list(read_bytes(f"upload{suffix}", payload))
        for item in items:
            assert isinstance(item, Article | InputError | InputWarning | Skipped)
            if not isinstance(item, Article):
                line = str(item)
                assert "\n" not in line and "could not read (" not in line, line
