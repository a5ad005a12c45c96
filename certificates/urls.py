from django.contrib.auth import views as auth_views
from django.urls import path

from certificates.views import common, importer, language, reports, review

urlpatterns = [
    path("", common.home, name="home"),
    path("login/", language.SignInView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("certificates/", common.certificate_list_view, name="certificate-list"),
    path("certificates/new/", importer.certificate_create_view, name="certificate-create"),
    path("certificates/upload/", importer.certificate_upload_json, name="certificate-upload-json"),
    path(
        "certificates/upload/example.json",
        importer.certificate_json_template,
        name="certificate-json-template",
    ),
    path("certificates/<int:pk>/", common.certificate_detail, name="certificate-detail"),
    path(
        "certificates/<int:pk>/v<int:number>/",
        common.certificate_detail,
        name="certificate-version",
    ),
    path("certificates/<int:pk>/edit/", importer.certificate_edit_view, name="certificate-edit"),
    path(
        "certificates/<int:pk>/submit/", importer.certificate_submit_view, name="certificate-submit"
    ),
    path("certificates/<int:pk>/amend/", importer.certificate_amend_view, name="certificate-amend"),
    path("certificates/<int:pk>/documents/", importer.document_upload_view, name="document-upload"),
    path("certificates/<int:pk>/decide/<str:action>/", review.decide, name="certificate-decide"),
    path("certificates/<int:pk>/clearances/", review.clearance_create, name="clearance-create"),
    path(
        "certificates/<int:pk>/report/", reports.report_request_certificate, name="report-request"
    ),
    path("documents/<int:pk>/", common.document_download, name="document-download"),
    path("review/", review.queue, name="review-queue"),
    path("reports/", reports.report_period, name="report-period"),
    path("reports/<uuid:pk>/", reports.report_status, name="report-status"),
    path("reports/<uuid:pk>/status.json", reports.report_status_json, name="report-status-json"),
    path("reports/<uuid:pk>/download/", reports.report_download, name="report-download"),
    path("audit/chain/", reports.audit_chain, name="audit-chain"),
]
