"""The registry as the submission path reads it: active services and lokets by
code, held per process.

Every submission names a service (and often a loket); looking them up costs
two queries out of ten, and the most expensive ones to build. The registry
changes a few times a year, so each process keeps a snapshot (with the unit
tree, which tells a submission which cached figures it refreshes), loaded in four
queries on first use and again when it is older than REGISTRY_CACHE_SECONDS.
A change saved in this process (admin, import, tests) drops the snapshot at
once; other processes see it within REGISTRY_CACHE_SECONDS (default 30).
In that window a just-deactivated service or a loket's changed list is still
accepted there, which stores nothing wrong: the response names a real service.
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save

from ..models import Service, ServicePoint, Unit


@dataclass(frozen=True)
class Snapshot:
    services: dict  # code -> Service (active only)
    points: dict  # code -> ServicePoint
    offered: dict  # loket id -> frozenset of the service ids it offers
    unit_parents: dict  # unit id -> parent unit id (None at the top), every unit
    loaded_at: float


_snapshot: Snapshot | None = None


def _load() -> Snapshot:
    services = list(Service.objects.filter(is_active=True))
    points = list(ServicePoint.objects.all())
    listed: dict[int, set[int]] = {}
    active = {s.pk for s in services}
    through = ServicePoint.services.through.objects.values_list("servicepoint_id", "service_id")
    for point_id, service_id in through:
        if service_id in active:
            listed.setdefault(point_id, set()).add(service_id)
    by_unit: dict[int, set[int]] = {}
    for s in services:
        by_unit.setdefault(s.unit_id, set()).add(s.pk)
    # services_at's rule: the services listed on a loket, or else every service of its unit.
    offered = {p.pk: frozenset(listed.get(p.pk) or by_unit.get(p.unit_id, ())) for p in points}
    return Snapshot(
        services={s.code: s for s in services},
        points={p.code: p for p in points},
        offered=offered,
        unit_parents=dict(Unit.objects.values_list("id", "parent_id")),
        loaded_at=time.monotonic(),
    )


def snapshot() -> Snapshot:
    global _snapshot
    current = _snapshot
    max_age = getattr(settings, "REGISTRY_CACHE_SECONDS", 30)
    if current is None or time.monotonic() - current.loaded_at > max_age:
        current = _snapshot = _load()
    return current


def clear(**kwargs) -> None:
    global _snapshot
    _snapshot = None


def active_service(code: str) -> Service | None:
    return snapshot().services.get(code)


def service_point(code: str) -> ServicePoint | None:
    return snapshot().points.get(code)


def unit_parents() -> dict:
    return snapshot().unit_parents


def offers(point: ServicePoint, service: Service) -> bool:
    return service.pk in snapshot().offered.get(point.pk, ())


for model in (Service, ServicePoint, Unit):
    post_save.connect(clear, sender=model, dispatch_uid=f"registry_cache_{model.__name__}_save")
    post_delete.connect(clear, sender=model, dispatch_uid=f"registry_cache_{model.__name__}_del")
m2m_changed.connect(clear, sender=ServicePoint.services.through, dispatch_uid="registry_cache_m2m")
