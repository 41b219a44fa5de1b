"""The product's URLs plus the bench's bare view (bench/settings.py only)."""

from django.urls import path

from portal.urls import urlpatterns as product_urlpatterns

from . import views

urlpatterns = [path("bench/bare-feedback/", views.bare_feedback), *product_urlpatterns]
