"""The store's tables (SQLAlchemy Core), in one place; :mod:`graph.store.migrations` creates and
upgrades them, :mod:`graph.store.store` reads and writes them.

Layers, from facts to decisions:

* facts from ingest: ``articles``, ``sentences``, ``names`` (every distinct string an article
  uses as an actor's name or surface text, interned once), ``mentions``, ``relations`` (one row
  per sentence and typed kind, with its event date), ``acronyms``;
* aggregates written with each article, which is what graphs are built from (``mention_stats``:
  mentions per article × name × surface text × type; ``pair_stats``: a ``*`` row per article ×
  name pair with its distinct sentences over all kinds and its co-occurrence sentences, and a
  row per typed kind × direction × polarity × event day); ``name_totals``: per name, its
  mentions and its weight (the ``*`` rows' sentences on either side) over the whole corpus,
  kept up to date by every write of aggregates, so ranking actors reads one row per name;
* resolution: ``actors`` (stable string ids), ``actor_names`` (which names refer to which actor),
  ``actor_redirects`` (ids that merged into others, so old links still resolve);
* curation: ``decisions`` (the analyst's merges, splits, renames, retypes, hides, rejections,
  dismissed suggestions), applied by every resolution;
* ``meta`` (revision counters) and ``migrations`` (schema versions applied).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
)

__all__ = ["ALL_KINDS", "SCHEMA_VERSION", "metadata"]

#: The newest schema version this code writes (see graph/store/migrations.py).
SCHEMA_VERSION = 6
#: ``pair_stats.kind`` of the row counting a pair's distinct sentences over every kind.
ALL_KINDS = "*"

metadata = MetaData()

migrations = Table(
    "migrations", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("applied_at", Text, nullable=False),
)
meta = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
articles = Table(
    "articles", metadata,
    Column("id", String, primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),  # compact number for aggregates
    Column("title", Text, nullable=False, default=""),
    Column("source", Text, nullable=False, default=""),
    Column("url", Text, nullable=False, default=""),
    Column("author", Text, nullable=False, default=""),
    Column("date", Date, nullable=True, index=True),
    Column("words", Integer, nullable=False, default=0),
    Column("text", Text, nullable=False),
    Column("text_hash", String(64), nullable=False, default="", index=True),
    Column("origin", Text, nullable=False, default=""),  # as the user named it, for messages
    Column("location", Text, nullable=False, default=""),  # absolute file path or URL
    Column("hash", String(64), nullable=False),  # content hash: text, metadata, extractor
    Column("extractor", String(64), nullable=False, default=""),
    Column("written", Integer, nullable=False, default=0, index=True),  # revision of last write
    Index("ix_articles_url", "url"),
)
sentences = Table(
    "sentences", metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)
names = Table(
    "names", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False, unique=True),
    Column("key", Text, nullable=False, index=True),
)
mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("name_id", Integer, ForeignKey("names.id"), nullable=False),
    Column("type", String(16), nullable=False),
    Column("label", String(16), nullable=False),
    Column("evidence", String(16), nullable=False, default="model"),  # what decided the type
    Index("ix_mentions_article", "article_id"),
    Index("ix_mentions_name", "name_id"),
)
relations = Table(
    "relations", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("source_id", Integer, ForeignKey("names.id"), nullable=False),
    Column("target_id", Integer, ForeignKey("names.id"), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("polarity", String(16), nullable=False),
    Column("directed", Boolean, nullable=False),
    Column("trigger", Text, nullable=False, default=""),
    Column("rejected", Integer, nullable=True),  # id of the decision that rejected it
    # when a typed relation happened (graph.core.model.EventDate); NULL: the article's date
    Column("event_date", String(10), nullable=True),  # ISO, cut to its precision
    Column("event_precision", String(8), nullable=True),
    Column("event_basis", String(16), nullable=True),
    Column("event_planned", Boolean, nullable=False, default=False),
    Index("ix_relations_article", "article_id"),
    Index("ix_relations_pair", "source_id", "target_id"),
)
acronyms = Table(
    "acronyms", metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("short", Text, primary_key=True),
    Column("full", Text, nullable=False),
)
mention_stats = Table(
    "mention_stats", metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("name_id", Integer, nullable=False),
    Column("text_id", Integer, nullable=False),  # the surface text, interned in ``names``
    Column("type", String(16), nullable=False),
    Column("evidence", String(16), nullable=False, default="model"),
    Column("count", Integer, nullable=False),
    Index("ix_mention_stats_article", "article_id"),
    Index("ix_mention_stats_name", "name_id"),
)
pair_stats = Table(
    "pair_stats", metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("a_id", Integer, nullable=False),  # name ids, a_id < b_id
    Column("b_id", Integer, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("way", SmallInteger, nullable=False),  # 0 undirected, 1 a → b, 2 b → a
    Column("polarity", String(16), nullable=False),
    Column("sentences", Integer, nullable=False),
    Column("cooc", Integer, nullable=False, default=0),  # on ``*`` rows: co-occurrences
    # typed rows: the event day (ordinal of the first day of its period); 0: the article's date
    Column("day", Integer, nullable=False, default=0),
    Index("ix_pair_stats_article", "article_id"),
)
# Per name over the whole corpus (schema 6): the sums of its ``mention_stats.count`` and of the
# ``sentences`` of the ``*`` pair rows it is a side of. Every write that adds or removes
# aggregate rows (an article saved, replaced or re-aggregated) adds the difference in the same
# transaction, so ranking the actors of the whole corpus reads these rows, not the pair rows.
name_totals = Table(
    "name_totals", metadata,
    Column("name_id", Integer, primary_key=True, autoincrement=False),
    Column("mentions", Integer, nullable=False, default=0),
    Column("weight", Integer, nullable=False, default=0),
)
actors = Table(
    "actors", metadata,
    Column("id", String, primary_key=True),  # stable: a slug of the anchor name's key
    Column("label", Text, nullable=False, unique=True),
    Column("type", String(16), nullable=False),
    Column("hidden", Boolean, nullable=False, default=False),
)
actor_names = Table(
    "actor_names", metadata,
    Column("name_id", Integer, ForeignKey("names.id"), primary_key=True),
    Column("actor_id", String, ForeignKey("actors.id", ondelete="CASCADE"), nullable=False,
           index=True),
)
actor_redirects = Table(
    "actor_redirects", metadata,
    Column("old_id", String, primary_key=True),
    Column("new_id", String, nullable=False),
)
decisions = Table(
    "decisions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", String(16), nullable=False),
    Column("args", Text, nullable=False),  # JSON
    Column("summary", Text, nullable=False, default=""),  # one line for `relgraph history`
    Column("user", Text, nullable=False),
    Column("at", Text, nullable=False),  # ISO timestamp, UTC
    Column("undone_by", Integer, nullable=True),  # id of the undo decision
)
# Analysts' own records, shared by everyone on the database (schema 3): named views of the
# dashboard and notes on actors and links. Neither changes the graph (no revision bump).
saved_views = Table(
    "saved_views", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False, unique=True),
    Column("query", Text, nullable=False),  # the view's URL query (dashboard/filters.py)
    Column("user", Text, nullable=False),
    Column("at", Text, nullable=False),  # ISO timestamp, UTC
    # where each actor was drawn when the view was saved: JSON {actor id: [x, y]} (schema 5)
    Column("positions", Text, nullable=True),
)
notes = Table(
    "notes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("target", Text, nullable=False, index=True),  # an actor id, or "a|b" for a link
    Column("text", Text, nullable=False),
    Column("user", Text, nullable=False),
    Column("at", Text, nullable=False),  # ISO timestamp, UTC
)
