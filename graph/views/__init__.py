"""What is drawn and written from a graph: the view rules shared by dashboard and images, the
one style, layouts, briefing images and data exports.
"""

from graph.views.exports import to_bytes, write_graph
from graph.views.image import export_image, image_bytes
from graph.views.rules import view_graph

__all__ = ["export_image", "image_bytes", "to_bytes", "view_graph", "write_graph"]
