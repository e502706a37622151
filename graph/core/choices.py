"""Every list of choices, defined once: the CLI's option choices, the dashboard's controls,
the image and export modules and the Python API all import them from here, and with them how
a choice reads to a person (``*_LABELS``, ``COLOR_TITLES``: the dashboard's menus, the legends
of the dashboard and of the images; a test checks every choice has one).

Relation kinds are the one list not spelled out here: they come from the lexicon
(``graph/data/relations.toml``) through :func:`graph.names.forms.relation_kinds`, and their
CAMEO roots from :data:`graph.core.cameo.ROOTS`.
"""

from __future__ import annotations

__all__ = ["BRIEF_FORMATS", "COLOR_BY", "COLOR_LABELS", "COLOR_TITLES", "DATA_FORMATS",
           "DATE_BASES", "DATE_PRECISIONS", "DEFAULT_SIZE", "DEFAULT_TOP", "EVENT_FORMATS",
           "EXPORT_FORMATS", "IMAGE_FORMATS",
           "LABEL_MODES", "LAYOUTS", "LINK_CHANGES", "SIZES", "SIZE_BY", "SIZE_LABELS",
           "THEMES", "TIME_MODES", "TIME_MODE_LABELS", "WINDOW_SIZES"]

#: Files an event table is written as (``relgraph events``, the dashboard's events download).
EVENT_FORMATS = ("csv", "json")
#: Data files a graph is written as (``relgraph export``, the dashboard's data buttons).
DATA_FORMATS = ("json", "graphml", "gexf", "csv")
#: Briefing image formats (``relgraph export -f``, the dashboard's image menu).
IMAGE_FORMATS = ("png", "svg", "pdf")
#: Every format ``relgraph export`` writes.
EXPORT_FORMATS = (*DATA_FORMATS, *IMAGE_FORMATS)
#: Named image sizes in pixels (width, height); any ``WxH`` is accepted as well.
SIZES = {"A4": (1123, 794), "16:9": (1600, 900)}
#: The image size when none is given: a 16:9 slide.
DEFAULT_SIZE = SIZES["16:9"]
#: Actors a view shows by default (the dashboard, ``relgraph export`` images, briefings): as
#: many as a 16:9 slide holds with every name at 14 pt (``graph.views.typography.capacity``,
#: checked by a test).
DEFAULT_TOP = 25
#: What ``relgraph brief`` writes: a PowerPoint deck, a PDF with the same pages, Markdown.
BRIEF_FORMATS = ("pptx", "pdf", "md")
#: Graph layouts (seeded networkx layouts in :mod:`graph.views.positions`).
LAYOUTS = ("spring", "kamada-kawai", "circular", "shell")
#: What an actor's size shows (:mod:`graph.views.sizing`; "first seen": the newest largest).
SIZE_BY = ("mentions", "degree", "weighted degree", "articles", "betweenness", "events",
           "first seen")
#: How a size choice reads: in the dashboard's menu and in legends ("node size: …").
SIZE_LABELS = {"mentions": "mentions", "degree": "links", "weighted degree": "link weight",
               "articles": "articles", "betweenness": "betweenness (bridging role)",
               "events": "events (typed relations)",
               "first seen": "first seen (days after the earliest)"}
#: What an actor's colour shows.
COLOR_BY = ("type", "community", "quadclass balance", "first seen", "mentions")
#: How a colour choice reads in the dashboard's menu.
COLOR_LABELS = {"type": "actor type", "community": "community (Louvain)",
                "quadclass balance": "QuadClass balance (cooperation vs conflict)",
                "first seen": "first seen (date)", "mentions": "mentions"}
#: The title of a colour choice's entries in a legend.
COLOR_TITLES = {"type": "Actors", "community": "Communities",
                "quadclass balance": "Cooperation vs conflict", "first seen": "First seen",
                "mentions": "Mentioned"}
#: Which actors of an image carry a label.
LABEL_MODES = ("top", "all", "none")
#: How precisely an event date is known, finest first (:class:`graph.core.model.EventDate`).
DATE_PRECISIONS = ("day", "month", "year")
#: Where an event date came from: written out, resolved against the publication date, or the
#: article's own date when the sentence has no time expression.
DATE_BASES = ("explicit", "relative", "article")

#: How a link changed from one period to the next ("what changed" images), in legend order.
LINK_CHANGES = ("new", "stronger", "weaker", "gone", "unchanged")

#: The windows the dashboard's time slider steps through, shortest first
#: (:mod:`graph.slices.windows`).
WINDOW_SIZES = ("week", "month", "quarter", "year")
#: What the dashboard's "Over time" tab shows: one window at a time, or two periods compared.
TIME_MODES = ("step", "compare")
#: How a time mode reads in the dashboard.
TIME_MODE_LABELS = {"step": "step through time", "compare": "compare two periods"}
#: The dashboard's colour themes (:mod:`graph.views.themes`).
THEMES = ("light", "dark")
