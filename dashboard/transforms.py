"""Pure transforms behind the dashboard, re-exported from the modules that hold them by topic:
:mod:`.filters` (view state, URL), :mod:`.elements` (cytoscape), :mod:`.details` (panels),
:mod:`.tables` (summary, actor table, timeline)."""

from dashboard.details import edge_details, highlight, node_details, path_steps, plural
from dashboard.elements import elements, legend, stylesheet
from dashboard.filters import CYTO_LAYOUTS, Filters, filters_from_query, filters_to_query
from dashboard.tables import (
    actor_rows,
    dates_from_relayout,
    search_options,
    summary,
    timeline_figure,
)

__all__ = ["CYTO_LAYOUTS", "Filters", "actor_rows", "dates_from_relayout", "edge_details",
           "elements", "filters_from_query", "filters_to_query", "highlight", "legend",
           "node_details", "path_steps", "plural", "search_options", "stylesheet", "summary",
           "timeline_figure"]
