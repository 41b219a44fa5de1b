"""Which services a loket offers."""

from ..models import Service, ServicePoint


def services_at(point: ServicePoint):
    """Services a loket offers: those listed on it, or else every service of its unit."""
    listed = point.services.filter(is_active=True)
    if listed.exists():
        return listed.order_by("name")
    return point.unit.services.filter(is_active=True).order_by("name")


def point_serves(point: ServicePoint, service: Service) -> bool:
    return services_at(point).filter(pk=service.pk).exists()
