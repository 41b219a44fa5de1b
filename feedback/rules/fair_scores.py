"""Fair scores: officers' means shrunk toward their unit's mean, and rank bands.

A raw mean from a handful of ratings swings widely; ranking officers on it rewards
and punishes luck. The empirical Bayes estimate pulls each officer's mean toward
the unit mean, the more the fewer ratings the officer has:

    estimate = w * officer_mean + (1 - w) * unit_mean,   w = n / (n + k)
    k = sigma2_within / tau2_between

sigma2_within (spread of answers around an officer's own mean) and tau2_between
(spread of the officers' true means around the unit mean) are estimated from the
unit's ratings by the method of moments of the one-way random-effects model
(unbalanced ANOVA):

    MSW = sum_i (squares_i - total_i^2 / n_i) / (N - g)
    MSB = sum_i n_i (mean_i - unit_mean)^2 / (g - 1)
    n0  = (N - sum_i n_i^2 / N) / (g - 1)
    tau2 = max(0, (MSB - MSW) / n0)

with g officers with at least one rating, N ratings in all and unit_mean their
plain mean (total / N). Degenerate cases, each documented in docs/hr.md:

- fewer than two rated officers: nothing to shrink toward but themselves, w = 1;
- every officer rated once (N = g): the spread within is unknown, w = 1;
- no spread within officers (MSW = 0): each mean is exact, w = 1;
- tau2 = 0 (the officers differ no more than chance would make them): w = 0, every
  officer's estimate is the unit mean.

Plain Python: no Django.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Sample:
    """One officer's ratings on the indicator's scale: count, sum, sum of squares."""

    n: int
    total: float
    squares: float

    @property
    def mean(self) -> float | None:
        return self.total / self.n if self.n else None


@dataclass(frozen=True)
class Prior:
    """What a unit's ratings say: their mean and the two variance components."""

    mean: float | None
    within: float | None  # sigma^2, None when it cannot be estimated
    between: float | None  # tau^2, None when it cannot be estimated
    officers: int
    ratings: int

    def weight(self, n: int) -> float:
        """w = n / (n + k) = n tau2 / (n tau2 + sigma2), with the fallbacks above."""
        if self.officers < 2 or self.within is None or self.between is None:
            return 1.0
        if self.within == 0:
            return 1.0
        if self.between == 0:
            return 0.0
        return n * self.between / (n * self.between + self.within)


def unit_prior(samples) -> Prior:
    """The method-of-moments prior of a unit from its officers' samples."""

    rated = [s for s in samples if s.n > 0]
    g = len(rated)
    big_n = sum(s.n for s in rated)
    if g == 0:
        return Prior(mean=None, within=None, between=None, officers=0, ratings=0)
    grand = sum(s.total for s in rated) / big_n
    if g < 2 or big_n == g:
        return Prior(mean=grand, within=None, between=None, officers=g, ratings=big_n)
    ssw = sum(max(s.squares - s.total * s.total / s.n, 0.0) for s in rated)
    msw = ssw / (big_n - g)
    ssb = sum(s.n * (s.total / s.n - grand) ** 2 for s in rated)
    msb = ssb / (g - 1)
    n0 = (big_n - sum(s.n * s.n for s in rated) / big_n) / (g - 1)
    tau2 = max(0.0, (msb - msw) / n0) if n0 > 0 else 0.0
    return Prior(mean=grand, within=msw, between=tau2, officers=g, ratings=big_n)


def shrunk(sample: Sample, prior: Prior) -> float | None:
    """The officer's empirical Bayes estimate, or None without ratings."""

    if sample.n == 0 or prior.mean is None:
        return None
    w = prior.weight(sample.n)
    return w * sample.mean + (1 - w) * prior.mean


def rank_bands(intervals: dict) -> dict:
    """Rank bands (1 = highest) from 95% intervals ``{key: (low, high)}``.

    Officers whose intervals overlap share a band, and so, by chaining, does anyone
    overlapping any of them: officers in different bands are apart in every pair,
    which is the only grouping that never ranks overlapping officers as different.
    """

    ordered = sorted(intervals.items(), key=lambda item: item[1][1], reverse=True)
    bands, band, floor = {}, 0, None
    for key, (low, high) in ordered:
        if floor is None or high < floor:
            band += 1
            floor = low
        else:
            floor = min(floor, low)
        bands[key] = band
    return bands
