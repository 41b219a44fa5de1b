"""Settings of bench/ingest_bench.py only: the production profile plus a bare view.

The bare view (bench/views.py) is the ceiling the feedback API is measured
against; it lives in a bench-only URL conf so it never reaches the product.
"""

from portal.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# The bench loads the demo registry into its own throwaway database.
DEMO_DATA_ALLOWED = True
