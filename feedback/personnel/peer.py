"""The 360 aggregate (BerAKHLAK) of officers for a period: per value the mean of the
colleagues' ratings, the raters' count and whether it is suppressed (fewer raters
than PEER_MIN_RATERS). Read by Kinerja saya, the supervisor and the HR API; never
names a rater."""

from django.conf import settings

from ..models import PeerReview
from ..rules import berakhlak
from ..rules.periods import Period


def peer_results(officer_ids, period: Period) -> dict[int, dict]:
    """{officer id: aggregate} over submitted reviews of rounds of this period (or of
    the year containing it), for every officer asked about."""
    codes = {period.code, str(period.year)}
    ratings = {pk: [] for pk in officer_ids}
    rows = PeerReview.objects.filter(
        ratee_id__in=list(ratings), round__period__in=codes, submitted_at__isnull=False
    ).values_list("ratee_id", "values")
    for ratee_id, values in rows:
        ratings[ratee_id].append(values)
    minimum = settings.PEER_MIN_RATERS
    return {pk: berakhlak.aggregate(found, minimum) for pk, found in ratings.items()}


def named(result: dict) -> list[tuple[str, float | None]]:
    """The aggregate's values as (value name, mean) in the BerAKHLAK order, for a page."""
    names = dict(berakhlak.VALUES)
    return [(names[code], value) for code, value in result["values"].items()]
