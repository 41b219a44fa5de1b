from django.urls import path

from .appraisal import views as appraisal_views
from .intake import views

app_name = "feedback"

urlpatterns = [
    path("nilai/terima-kasih/", views.thanks, name="thanks"),
    path("nilai/<str:code>/", views.rate, name="rate"),
    path("loket/<str:code>/poster/", views.poster, name="poster"),
    path("kiosk/", views.kiosk_home, name="kiosk_home"),
    path("kiosk/terima-kasih/", views.kiosk_thanks, name="kiosk_thanks"),
    path("kiosk/kirim/", views.kiosk_submit, name="kiosk_submit"),
    path("kiosk/sw.js", views.kiosk_service_worker, name="kiosk_sw"),
    path("kiosk/<str:code>/", views.kiosk_rate, name="kiosk_rate"),
    path("akun/aktivasi/<str:key>/", appraisal_views.activate, name="activate"),
]
