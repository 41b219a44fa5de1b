"""The /api/v1/ router: each app's endpoints under one prefix."""

from django.urls import include, path

from feedback.intake import api as intake_api
from feedback.personnel import api as personnel_api
from feedback.registry import api as registry_api
from feedback.results import api as results_api
from feedback.results import comments_api, service_users_api
from search import views as search_views

urlpatterns = [
    path("feedback/", intake_api.FeedbackView.as_view(), name="api-feedback"),
    path("receipts/", intake_api.ReceiptView.as_view(), name="api-receipts"),
    path("service-users/", service_users_api.ServiceUsersView.as_view(), name="api-service-users"),
    path("ikm/", results_api.IkmView.as_view(), name="api-ikm"),
    path("comments/", comments_api.CommentsView.as_view(), name="api-comments"),
    path("ikm/table/", results_api.IkmTableView.as_view(), name="api-ikm-table"),
    path("hr/indicators/", personnel_api.HRIndicatorsView.as_view(), name="api-hr-indicators"),
    path("search/", search_views.SearchView.as_view(), name="api-search"),
    path("", include(registry_api.router.urls)),
]
