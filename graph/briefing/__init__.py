"""Briefing packs: a slice of the graph as the slides an analyst presents (``relgraph brief``,
the dashboard's "Briefing pack").

``content`` reads what a pack says from the store (after curation, like every view): the
view's picture, its key relations with the sentence and source behind each, its actors and
its sources; ``pages`` cuts that into the same pages for every format; ``deck`` (PowerPoint,
python-pptx), ``document`` (PDF, reportlab with the graph as a vector page) and ``markdown``
write them; ``pack`` draws the picture once and writes the chosen formats.
"""

from graph.briefing.content import Briefing, build_briefing
from graph.briefing.pack import write_pack

__all__ = ["Briefing", "build_briefing", "write_pack"]
