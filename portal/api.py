"""The /api/v1/ router: each app's endpoints under one prefix."""

from django.urls import include, path

from feedback import api as feedback_api
from feedback import api_hr, api_ikm
from search import views as search_views

urlpatterns = [
    path("feedback/", feedback_api.FeedbackView.as_view(), name="api-feedback"),
    path("receipts/", feedback_api.ReceiptView.as_view(), name="api-receipts"),
    path("ikm/", api_ikm.IkmView.as_view(), name="api-ikm"),
    path("ikm/table/", api_ikm.IkmTableView.as_view(), name="api-ikm-table"),
    path("hr/indicators/", api_hr.HRIndicatorsView.as_view(), name="api-hr-indicators"),
    path("search/", search_views.SearchView.as_view(), name="api-search"),
    path("", include(feedback_api.router.urls)),
]
