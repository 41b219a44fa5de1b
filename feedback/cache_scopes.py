"""Which cached public figures a change makes stale (portal.public_cache).

A response counts for its service, the service's unit and every unit above it (a
unit's figures include its sub-units), and the Pemda. Registry names appear on
every page and in the open data, so a registry change refreshes ``registry``.
"""

from django.core.cache import cache

from portal.public_cache import after_commit, bump, bump_now

PEMDA = "ikm:pemda"
REGISTRY = "registry"
# The unit tree is small and rarely changes; submissions read it from the cache.
UNIT_PARENTS_KEY = "registry:unit-parents"
UNIT_PARENTS_SECONDS = 3600


def service_scope(service_id) -> str:
    return f"ikm:service:{service_id}"


def unit_scope(unit_id) -> str:
    return f"ikm:unit:{unit_id}"


def scope_of(target) -> str:
    """The scope of a registry entry (a Service or a Unit), or the Pemda for None."""
    from .models import Service, Unit

    if isinstance(target, Service):
        return service_scope(target.pk)
    if isinstance(target, Unit):
        return unit_scope(target.pk)
    return PEMDA


def _unit_parents() -> dict[int, int | None]:
    parents = cache.get(UNIT_PARENTS_KEY)
    if parents is None:
        from .models import Unit

        parents = dict(Unit.objects.values_list("id", "parent_id"))
        cache.set(UNIT_PARENTS_KEY, parents, UNIT_PARENTS_SECONDS)
    return parents


def scopes_of_service(service_id, unit_id) -> list[str]:
    """The service, its unit and every unit above it, and the Pemda."""
    parents, scopes, seen = _unit_parents(), [service_scope(service_id)], set()
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


def all_figures_changed() -> None:
    """After a recompute: every service's, unit's and the Pemda's figures."""
    from .models import Service, Unit

    scopes = [service_scope(pk) for pk in Service.objects.values_list("pk", flat=True)]
    scopes += [unit_scope(pk) for pk in Unit.objects.values_list("pk", flat=True)]
    bump(*scopes, PEMDA)


def registry_changed() -> None:
    after_commit(lambda: cache.delete(UNIT_PARENTS_KEY))
    bump(REGISTRY)
