"""The CAMEO-vocabulary coverage bench (bench/lexicon_coverage.py): reading a PETRARCH verb
dictionary (synonym blocks, a verb's own code over its block's, phrasal "+X_Y" verbs, patterns
and comments left out), the shipped verb table, and the per-root counts."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
_spec = importlib.util.spec_from_file_location(
    "bench_lexicon_coverage", ROOT / "bench" / "lexicon_coverage.py"
)
bench = sys.modules["bench_lexicon_coverage"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

# an invented dictionary in the PETRARCH format (not a copy of the real one)
SAMPLE = """\
# header comment
&SYNSET
+WORD

####### VERB PATTERNS #######

---  SCOLD   [111]  ---
SCOLD  # coder note
RATE {RATES RATED RATING } [112]
+TELL_OFF {+TELLS_OFF +TOLD_OFF }
- * (FOR LATENESS)                                    [110]         # SCOLD

---  WANDER   [---]  ---
WANDER
- * (TO CAPITAL)                                      [042]         # WANDER
"""


def test_extract_reads_verbs_and_their_codes(tmp_path):
    path = tmp_path / "verbs.txt"
    path.write_text(SAMPLE, encoding="latin-1")
    rows = bench.extract(path)
    assert rows == [("scold", "111", "scold"), ("rate", "112", "scold"),
                    ("tell off", "111", "scold"), ("wander", "---", "wander")]


def test_the_shipped_table_keeps_coded_verbs_only():
    verbs = bench.read_verbs(bench.HERE / "cameo_verbs.tsv")
    assert len(verbs) > 800
    assert all(len(r) == 2 and r.isdigit() for rs in verbs.values() for r in rs)
    assert "20" in verbs["massacre"]


def test_coverage_counts_same_other_and_missing():
    cameo = {"scold": {"11"}, "rate": {"11"}, "tell off": {"11"}, "visit": {"04"}}
    ours = {"scold": {"11"}, "rate": {"06"}, "visit": {"04"}}
    table = bench.coverage(cameo, ours)
    assert table["11"] == (3, 1, 1, ["tell off"])
    assert table["04"] == (1, 1, 0, [])
    assert table["20"] == (0, 0, 0, [])
