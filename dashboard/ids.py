"""Component ids, in one place so layout, callbacks and browser tests agree."""

URL = "url"
QUERY = "query"  # canonical query string of the view on screen
LOADED = "loaded-query"  # canonical query the URL asked for last (replace, not push)
URL_SYNC = "url-sync"
DATA_REV = "data-revision"  # bumped when an upload changed the store
ARTICLES = "articles"
DATES = "dates"
UNDATED = "undated"
TYPES = "types"
KINDS = "kinds"
MIN_WEIGHT = "min-weight"
HIDE_ISOLATED = "hide-isolated"
TOP = "top"
FOCUS = "focus"
DEPTH = "depth"
SOURCE = "path-from"
TARGET = "path-to"
LAYOUT = "layout"
SIZE_BY = "size-by"
COLOR_BY = "color-by"
EXPAND = "expand"  # actors whose neighbours the view adds (a list, in the URL)
DROP = "drop"  # actors taken out of the view (a selection's "Hide these")
DROP_ADD = "drop-add"  # {ids}: a selection to add to DROP
ONLY = "only"  # the view cut to these actors (a selection's "Show only these")
SELECTION_BAR = "selection-bar"  # what to do with several selected actors
SHOW_ALL = "show-all"  # undo "Hide these" and "Show only these"
EXPAND_TOGGLE = "expand-toggle"  # {id}: a double-click asking to expand or collapse an actor
RESET = "reset"
FILTERS_PANEL = "filters-panel"
FILTERS_TOGGLE = "filters-toggle"
SEARCH = "search"
ACTOR_OPTIONS = "actor-options"  # every actor as a picker option, most important first
SELECTED = "selected"  # {"kind": "node"|"edge"|"path", "id": ..., "source", "target"}
GRAPH = "graph"
LEGEND = "legend"
ZOOM_IN = "zoom-in"  # zoom and fit buttons under the graph (handled in assets/relgraph.js)
ZOOM_OUT = "zoom-out"
ZOOM_FIT = "zoom-fit"
SUMMARY = "summary"
DETAILS = "details"
DETAILS_PANEL = "details-panel"
DETAILS_CLOSE = "details-close"
MORE_EVIDENCE = "more-evidence"
SHOW_SELECTED = "show-selected"
DOCK = "dock"
TIMELINE = "timeline"
TABLE = "actor-table"
PNG = "export-png"
SVG = "export-svg"
IMAGE_STATUS = "image-status"
DOWNLOAD = "download"
BRIEFING = "briefing"
BRIEFING_TITLE = "briefing-title"
BRIEFING_SUBTITLE = "briefing-subtitle"
BRIEFING_FORMAT = "briefing-format"
BRIEFING_SIZE = "briefing-size"
BRIEFING_WIDTH = "briefing-width"
BRIEFING_HEIGHT = "briefing-height"
BRIEFING_SOURCES = "briefing-sources"
BRIEFING_STATUS = "briefing-status"
BRIEFING_PACK = "briefing-pack"
UPLOAD = "upload"
PASTE_TITLE = "paste-title"
PASTE_DATE = "paste-date"
PASTE_SOURCE = "paste-source"
PASTE_TEXT = "paste-text"
PASTE_ADD = "paste-add"
LINKS = "links"
LINKS_ADD = "links-add"
UPLOAD_JOB = "upload-job"
UPLOAD_POLL = "upload-poll"
UPLOAD_PROGRESS = "upload-progress"
UPLOAD_STATUS = "upload-status"
UPLOAD_CANCEL = "upload-cancel"


def events_button(fmt: str) -> str:
    """Id of the button downloading the view's events table as ``fmt`` (one of
    :data:`graph.core.choices.EVENT_FORMATS`)."""
    return f"download-events-{fmt}"


def data_button(fmt: str) -> str:
    """Id of the button downloading the view's data as ``fmt`` (one of
    :data:`graph.core.choices.DATA_FORMATS`)."""
    return f"download-{fmt}"

# Curation (absent from read-only pages)
ACTORS_REV = "actors-rev"  # the store's actors revision the view on screen was built on
VIEW_REV = "view-revision"  # written by every view; copied to ACTORS_REV when it changed
LISTS_REV = "lists-revision"  # bumped by a decision that leaves views current (dismiss)
DETAILS_HEAD = "details-head"
ACTOR_TOOLS = "actor-tools"
RENAME_INPUT = "rename-input"
RENAME = "rename"
RETYPE_VALUE = "retype-value"
RETYPE = "retype"
MERGE_INTO = "merge-into"
MERGE = "merge"
SPLIT_ALIAS = "split-alias"
SPLIT = "split"
HIDE = "hide"
CURATION_STATUS = "curation-status"
UNDO_LAST = "undo-last"
HISTORY_MENU = "history-menu"
HISTORY = "history"
SUGGESTIONS = "suggestions"
SUGGEST_REFRESH = "suggest-refresh"
ACTION = "act"  # pattern-matching buttons: {"act": ACTION, "do": verb, "arg": JSON text}


def action_id(do: str, arg: str) -> dict:
    """Id of a decision button drawn inside a panel (reject, undo N, accept, dismiss)."""
    return {"act": ACTION, "do": do, "arg": arg}

# Saved views and notes (dashboard/views_notes.py)
VIEWS_OPEN = "views-open"  # the "Views" menu's summary: opening it reads the list again
VIEWS_LIST = "views-list"
VIEW_NAME = "view-name"
VIEW_SAVE = "view-save"
VIEW_STATUS = "view-status"
NOTES = "notes"
NOTES_LIST = "notes-list"
NOTE_TEXT = "note-text"
NOTE_ADD = "note-add"
VIEW_SNAPSHOT = "view-snapshot"  # {positions, at}: the page's positions when "Save" is clicked
VIEW_PLACES = "view-places"  # {name, positions}: a saved view's positions for the page to use

# Several selected actors (dashboard/selection.py): export them, merge them into one
PICKED = "picked"  # the selected actors' ids, kept by assets/relgraph.js
PICKED_STATUS = "picked-status"
MERGE_KEEP = "merge-keep"  # the selected actor whose name a bulk merge keeps
MERGE_MANY = "merge-many"

# The network over time (dashboard/over_time.py): the "Over time" tab under the graph
TIME_MODE = "time-mode"  # "step" (the slider) or "compare" (two periods)
TIME_SIZE = "time-size"  # window size (graph.core.choices.WINDOW_SIZES), None: from the span
TIME_SLIDER = "time-slider"  # the window shown, as its index
TIME_PLAY = "time-play"
TIME_TICK = "time-tick"  # the interval stepping the slider while playing
TIME_A = "time-a"  # compare: the first period (a window's first day)
TIME_B = "time-b"
TIME_CAPTION = "time-caption"
TIME_SHOWN = "time-shown"  # what the graph shows: {"mode", "size", "at", "a", "b"} or None
TIME_WANT = "time-want"  # the time state a link's #fragment asks for (read once on load)
ACTOR_TIMELINE = "actor-timeline"  # an actor's events per period, in its details
TIMELINE_BAR = "tl-window"  # pattern-matching bars: {"tl": TIMELINE_BAR, "since", "until"}

# Light and dark theme (dashboard/theme.py)
APP = "app"  # the page's outermost element: carries the theme's colours as CSS variables
THEME = "theme"  # the theme chosen, kept in the browser's localStorage
THEME_TOGGLE = "theme-toggle"
THEME_SYNC = "theme-sync"  # copies the theme's colours onto the document's root
