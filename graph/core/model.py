"""Plain data passed between pipeline stages: articles → mentions → relations → graph slice.

Every stage takes and returns these dataclasses, so each stage can be tested (and later
distributed) on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

__all__ = [
    "ACTOR_TYPES",
    "POLARITIES",
    "ActorDef",
    "Article",
    "Decision",
    "EventDate",
    "Extraction",
    "GraphSlice",
    "Mention",
    "MentionSpan",
    "NameStat",
    "Relation",
    "Sentence",
]

#: Actor types relgraph produces, in legend order.
ACTOR_TYPES = ("person", "organisation", "country", "place", "group")
#: Edge polarities, in legend order.
POLARITIES = ("cooperative", "hostile", "neutral")
#: The relation kind of plain sentence co-occurrence.
COOCCURRENCE = "co-occurrence"


@dataclass(frozen=True)
class Article:
    """One news article as read from a file, before any NLP."""

    id: str
    text: str
    title: str = ""
    date: date | None = None
    source: str = ""
    url: str = ""
    author: str = ""
    origin: str = ""  # file (and line) the article came from, for error messages
    location: str = ""  # the file's absolute path or the URL (no line): where the id came from
    explicit_id: bool = False  # the id was given (metadata, a JSON field), not a file name

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article, kept as the evidence text behind edges."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """One occurrence of an actor in an article, named as resolved within that article.

    ``name`` is the article-level canonical name ("Han Do Yun" for "Han" when the article
    introduced the full name); corpus-wide resolution maps names to actors later.
    """

    sentence: int
    start: int
    end: int
    text: str
    name: str
    type: str
    label: str  # spaCy entity label, or "ROLE"/"ALIAS" for rule-made mentions
    #: what decided ``type`` (see graph/names/actor_types.py): "alias", "title", "suffix", "outlet",
    #: "frame", "gazetteer", "given-name", "acronym" or "model" (the spaCy label alone)
    type_evidence: str = "model"


@dataclass(frozen=True)
class MentionSpan:
    """A mention plus its token range in the parsed ``Doc`` (used by relation extraction)."""

    start: int  # token index
    end: int  # token index, exclusive
    mention: Mention


@dataclass(frozen=True)
class EventDate:
    """When a typed relation happened, as read from its sentence and the article's context.

    ``value`` is an ISO date cut to its precision: ``"2023-09-13"`` (day), ``"2023-09"``
    (month) or ``"2023"`` (year). ``basis`` says where it came from: ``"explicit"`` (a date
    written out), ``"relative"`` ("on Tuesday", "last year", resolved against the publication
    date) or ``"article"`` (no expression: the article's own date). ``planned`` marks an event
    the sentence puts in the future ("will visit next week"). Choices are in
    :mod:`graph.core.choices` (``DATE_PRECISIONS``, ``DATE_BASES``).
    """

    value: str
    precision: str
    basis: str
    planned: bool = False


@dataclass(frozen=True)
class Relation:
    """A link between two named actors found in one sentence.

    ``kind`` is ``"co-occurrence"`` (undirected) or a typed verb kind such as ``"meet"``
    (directed ``source`` → ``target``).
    """

    sentence: int
    source: str
    target: str
    kind: str
    polarity: str = "neutral"
    directed: bool = False
    trigger: str = ""  # the word that triggered a typed relation
    #: when a typed relation happened (None for co-occurrence, or when nothing dates it)
    when: EventDate | None = None
    #: announced for the future ("will visit"), kept when nothing dates the relation (an
    #: undated article); equal to ``when.planned`` when it is dated
    planned: bool = False


@dataclass
class Extraction:
    """Everything extracted from one article; the unit written to the store in one transaction."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    #: acronyms defined in the text, as ``(acronym, full name)``
    aliases: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class GraphSlice:
    """Which part of the stored corpus a graph covers. Empty tuples mean "no restriction".

    ``since``/``until`` apply to event dates for typed relations and to article dates for
    co-occurrence and mentions. ``include_undated``: whether articles without a date (and
    relations without one) are in the slice; left None it is decided by the range: off when
    ``since`` or ``until`` is set (a range holds what is known to be in it), on otherwise.
    """

    articles: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    include_undated: bool | None = None
    types: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    min_weight: int = 1

    def __post_init__(self) -> None:
        if self.include_undated is None:  # frozen: set the decided value once, here
            object.__setattr__(self, "include_undated",
                               not (self.since or self.until))


# Resolution's facts in and actors out (graph/resolution/actors.py): plain data that the
# store reads and writes without importing the resolver.
@dataclass(frozen=True)
class NameStat:
    """How often an article-level name was used, as which type, decided by what evidence
    (see :mod:`graph.names.actor_types`)."""

    name: str
    type: str
    count: int
    evidence: str = "model"


@dataclass(frozen=True)
class ActorDef:
    """A resolved actor: stable id, label, type, the names that refer to it, mention count."""

    id: str
    label: str
    type: str
    names: tuple[str, ...]
    mentions: int
    hidden: bool = False
    key: str = ""  # anchor key the id is made from


@dataclass(frozen=True)
class Decision:
    """An analyst's decision as resolution reads it (see graph/curation/decisions.py)."""

    id: int
    action: str  # merge | split | rename | retype | hide | unhide (others are not for resolution)
    args: dict = field(default_factory=dict)
