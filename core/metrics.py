"""The counters the apps feed: ``portal_submissions_total`` (labels ``channel``,
``outcome``), each citizen submission on the live channels (web form, QR, kiosk, API)
as ``stored``, ``duplicate``, ``rejected`` or ``rate_limited``.

Scraped at ``/metrics`` (portal/metrics.py, which also times requests). Without
prometheus-client (the embedded default installs only the base) ``submission`` does
nothing.
"""

try:
    from prometheus_client import Counter
except ImportError:  # the embedded default: no metrics
    Counter = None

OUTCOMES = ("stored", "duplicate", "rejected", "rate_limited")

if Counter is not None:
    SUBMISSIONS = Counter(
        "portal_submissions_total",
        "Citizen submissions by channel and outcome.",
        ["channel", "outcome"],
    )


def submission(channel, outcome: str) -> None:
    """Count one submission (``outcome`` one of OUTCOMES). Costs a few microseconds."""
    if Counter is not None:
        SUBMISSIONS.labels(str(channel), outcome).inc()
