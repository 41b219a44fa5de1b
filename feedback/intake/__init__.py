"""Ratings coming in: the one submission path (``submission.submit``: admit, parse,
replay, limit, store, count, measure) and the channels that adapt to it (the JSON
API, the web form and its QR links, the kiosk's screens and its offline queue),
receipts, and the counter staff's screens (kiosk activation, receipt slips,
comment moderation)."""
