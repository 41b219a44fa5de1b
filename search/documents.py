"""What a search document is: the fields both engines index and store, and the
facets. Which pages become one is search/indexed_pages.py's.

The engines (search/engines/) need only this, never the page models.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, fields

from django.utils.translation import gettext_lazy as _

from . import text

# Facet values (stable, used in URLs and the API) and their labels.
SERVICE, UNIT, INFORMATION, REPORT = "layanan", "unit", "informasi", "laporan"
TYPE_LABELS = {
    SERVICE: _("Layanan"),
    UNIT: _("Unit"),
    INFORMATION: _("Informasi"),
    REPORT: _("Hasil dan laporan survei"),
}


@dataclass(frozen=True)
class SearchDocument:
    """One page as both engines index it. ``id`` is the page id."""

    id: int
    type: str
    title: str
    url: str
    unit_code: str
    unit_name: str
    service_code: str
    keywords: str
    summary: str
    body: str
    published_at: datetime.datetime | None

    @property
    def stems(self) -> str:
        """Snowball stems of every word, for engines that cannot stem Indonesian."""
        return text.stems(" ".join((self.title, self.keywords, self.summary, self.body)))

    def as_dict(self) -> dict:
        return asdict(self)

    def stored_fields(self) -> dict:
        """Every field but the id: what both engines store for a result."""
        return {name: getattr(self, name) for name in STORED_FIELDS}


STORED_FIELDS = tuple(f.name for f in fields(SearchDocument) if f.name != "id")
