"""Which cached public figures a change makes stale (core.public_cache).

A response counts for its service, the service's unit and every unit above it (a
unit's figures include its sub-units), and the Pemda. Registry names appear on
every page and in the open data, so a registry change refreshes ``registry``.
"""

from core.public_cache import after_commit, bump, bump_now

from ..models import Service, Unit
from . import snapshot

PEMDA = "ikm:pemda"
REGISTRY = "registry"


def service_scope(service_id) -> str:
    return f"ikm:service:{service_id}"


def unit_scope(unit_id) -> str:
    return f"ikm:unit:{unit_id}"


def scope_of(target) -> str:
    """The scope of a registry entry (a Service or a Unit), or the Pemda for None."""

    if isinstance(target, Service):
        return service_scope(target.pk)
    if isinstance(target, Unit):
        return unit_scope(target.pk)
    return PEMDA


def scopes_of_service(service_id, unit_id) -> list[str]:
    """The service, its unit and every unit above it, and the Pemda.

    The unit tree comes from this process's registry snapshot (no round trip); a
    unit moved in another process is seen within REGISTRY_CACHE_SECONDS.
    """
    parents, scopes, seen = snapshot.unit_parents(), [service_scope(service_id)], set()
    node = unit_id
    while node is not None and node not in seen:
        seen.add(node)
        scopes.append(unit_scope(node))
        node = parents.get(node)
    return [*scopes, PEMDA]


def figures_changed(*, service_id, unit_id) -> None:
    """A response (or a population, a moderated comment) of this service changed its
    figures: refresh them once the transaction commits."""
    after_commit(lambda: bump_now(*scopes_of_service(service_id, unit_id)))


def unit_figures_changed(unit_id) -> None:
    """A unit-wide figure changed (its follow-up items): its services, the unit and
    the units above it, and the Pemda, once the transaction commits."""
    services = list(Service.objects.filter(unit_id=unit_id).values_list("pk", flat=True))
    scopes = [service_scope(pk) for pk in services]
    scopes += scopes_of_service(None, unit_id)[1:]
    after_commit(lambda: bump_now(*scopes))


def all_figures_changed() -> None:
    """After a recompute: every service's, unit's and the Pemda's figures."""

    scopes = [service_scope(pk) for pk in Service.objects.values_list("pk", flat=True)]
    scopes += [unit_scope(pk) for pk in Unit.objects.values_list("pk", flat=True)]
    bump(*scopes, PEMDA)


def registry_changed() -> None:
    bump(REGISTRY)
