"""Reads for the public pages. Page get_context calls these; templates run no queries.

The pages these read are passed in by the page models (content/models.py), which
import this module: nothing here imports them back.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, TaskState, WorkflowState

from feedback.results import selectors as feedback_selectors
from feedback.rules.coverage import Coverage

from . import charts


def unit_tree(unit_pages, service_pages) -> list[dict]:
    """Unit pages as a nested list of {"page", "services", "children"}, each unit with
    its service pages and sub-units, from ``unit_pages`` in tree (path) order and
    ``service_pages`` in the order to list them. Arranged in Python: two queries
    whatever the number of units."""
    by_parent_path = {}
    for page in service_pages:
        by_parent_path.setdefault(page.path[: -page.steplen], []).append(page)

    unit_pages = list(unit_pages)
    nodes = {
        p.path: {"page": p, "services": by_parent_path.get(p.path, []), "children": []}
        for p in unit_pages
    }
    roots = []
    for page in unit_pages:
        parent = nodes.get(page.path[: -page.steplen])
        (parent["children"] if parent else roots).append(nodes[page.path])
    return roots


# --- Figures on cards and on the home page ------------------------------------------

ORDER_PARAM = "urut"
# Sort orders of the results page's cards (?urut=), the first the default.
ORDER_CHOICES = [
    ("ikm", _("IKM tertinggi")),
    ("ikm-naik", _("IKM terendah")),
    ("responden", _("Responden terbanyak")),
    ("nama", _("Nama (A-Z)")),
]


def card_order(raw) -> str:
    """A known sort order from ?urut=, else the default (best IKM first)."""
    return raw if raw in dict(ORDER_CHOICES) else ORDER_CHOICES[0][0]


def _sorted(cards: list[dict], order: str) -> list[dict]:
    """Cards in the chosen order; entries without published figures always last."""
    if order == "nama":
        return sorted(cards, key=lambda c: c["name"].lower())
    if order == "responden":
        return sorted(cards, key=lambda c: (-c["result"].respondents, c["name"].lower()))
    if order == "ikm-naik":
        return sorted(cards, key=lambda c: (c["result"].suppressed, c["result"].ikm or 0))
    return sorted(cards, key=lambda c: (c["result"].suppressed, -(c["result"].ikm or 0)))


def ranking_cards(pages: dict, *, period, level: str, order: str = "ikm") -> list[dict]:
    """Every active service or unit with its result for ``period`` and its public page
    from ``pages`` (keyed by registry id; None when unpublished), sorted by ``order``.
    Units include their sub-units. Each card carries its sample check (``coverage``)."""
    cards = []
    service_users = feedback_selectors.service_users_lookup(period=period)
    for row in feedback_selectors.ranking(period=period, level=level):
        scope = row["scope"]
        obj = scope.service if level == "service" else scope.unit
        cards.append(
            {
                "name": obj.name,
                "code": obj.code,
                "unit_name": scope.service.unit.name if level == "service" else "",
                "page": pages.get(obj.pk),
                "result": row["result"],
                "coverage": Coverage(
                    service_users=service_users(scope), respondents=row["result"].respondents
                ),
            }
        )
    return _sorted(cards, order)


def page_cards(pages, *, period) -> list[dict]:
    """Unit or service pages with their registry entry's result for ``period``, in
    the pages' order (cards on a unit page)."""
    cards = []
    for page in pages:
        target = getattr(page, "service", None) or page.unit
        scope = feedback_selectors.Scope.of(target)
        cards.append(
            {
                "name": page.title,
                "code": target.code,
                "page": page,
                "summary": getattr(page, "summary", ""),
                "result": feedback_selectors.ikm_for(scope=scope, period=period),
            }
        )
    return cards


def home_figures(*, service_pages: dict, unit_count: int, follow_ups: list, period=None) -> dict:
    """What the home page shows first: the Pemda's IKM for ``period`` (default: the
    latest published period) with a short trend, how many services and units are
    published, the three best and three weakest published services whose figures
    are public (never a suppressed one), and the latest follow-up actions.

    ``service_pages`` are the published service pages keyed by service id,
    ``unit_count`` the number of published unit pages, ``follow_ups`` the newest
    follow-up actions (HomePage.figures passes them)."""
    period = period or feedback_selectors.latest_period_with_data()
    scope = feedback_selectors.Scope.of(None)
    result = feedback_selectors.ikm_for(scope=scope, period=period)
    trend = feedback_selectors.ikm_trend(scope=scope, period=period, count=4)
    cards = ranking_cards(service_pages, period=period, level="service")
    published = [c for c in cards if c["page"]]
    public = [c for c in published if not c["result"].suppressed]
    best = public[:3]
    weakest = [c for c in reversed(public) if c not in best][:3]
    return {
        "period": period,
        "result": result,
        "trend": [{"period": p, "result": r} for p, r in trend],
        "trend_chart": charts.trend_points([(p.code, r.ikm) for p, r in trend], compact=True),
        "service_count": len(service_pages),
        "unit_count": unit_count,
        "best": best,
        "weakest": weakest,
        "follow_ups": follow_ups,
    }


def editor_tasks(user, limit: int = 10) -> dict:
    """Pages awaiting ``user``'s action and comments awaiting moderation, for the
    editors' dashboard panel."""
    to_review = [
        state.workflow_state.content_object
        for state in TaskState.objects.reviewable_by(user)
        .select_related("workflow_state")
        .order_by("-started_at")[:limit]
    ]
    sent_back = [
        state.content_object
        for state in WorkflowState.objects.filter(
            status=WorkflowState.STATUS_NEEDS_CHANGES, requested_by=user
        ).order_by("-created_at")[:limit]
    ]
    # The editor's own pages waiting for an approver: not drafts, not forgotten either.
    awaiting = [
        state.content_object
        for state in WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS, requested_by=user
        ).order_by("-created_at")[:limit]
    ]
    in_workflow = WorkflowState.objects.active().values_list("object_id", flat=True)
    drafts = (
        Page.objects.filter(owner=user, has_unpublished_changes=True)
        .exclude(pk__in=[int(pk) for pk in in_workflow if pk.isdigit()])
        .order_by("-latest_revision_created_at")[:limit]
    )
    return {
        "to_review": [p for p in to_review if p is not None],
        "sent_back": [p for p in sent_back if p is not None],
        "drafts": list(drafts),
        "awaiting_approval": [p for p in awaiting if p is not None],
        "pending_comments": feedback_selectors.pending_comment_count(),
    }
