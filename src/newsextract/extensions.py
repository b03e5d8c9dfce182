"""Every custom ``Doc._`` / ``Span._`` extension newsextract declares, in one table."""

from __future__ import annotations

from spacy.tokens import Doc, Span

#: (object, name, default) — defaults are None and the getters/values are set by the components.
EXTENSIONS = (
    (Doc, "deals", None),        # list[Deal], set by newsextract_deals
    (Doc, "approvals", None),    # list[Approval], set by newsextract_reports
    (Doc, "figures", None),      # list[Figure], set by newsextract_reports
    (Doc, "warnings", None),     # list[str]
    (Doc, "published", None),    # datetime.date | None, publication date used for relative dates
    (Doc, "facts", None),        # internal: the Facts found by newsextract_entities
    (Span, "value", None),       # parsed value of a span (Money, normalised target, company id …)
)


def register_extensions() -> None:
    """Declare the extensions (idempotent)."""
    for obj, name, default in EXTENSIONS:
        if not obj.has_extension(name):
            obj.set_extension(name, default=default)


register_extensions()
