from django.urls import path

from counselling.views import audit_log, cases, companies, desk, public, stats

app_name = "counselling"
urlpatterns = [
    path("", desk.desk, name="desk"),
    path("anfragen/", public.request_form, name="request"),
    path("anfragen/danke/", public.request_done, name="request_done"),
    path("eingang/", desk.inquiry_list, name="inquiries"),
    path("eingang/<int:pk>/", desk.inquiry_detail, name="inquiry"),
    path("eingang/<int:pk>/fall-anlegen/", desk.inquiry_convert_view, name="inquiry_convert"),
    path("eingang/<int:pk>/erledigt/", desk.inquiry_close_view, name="inquiry_close"),
    path("eingang/<int:pk>/anonymisieren/", desk.inquiry_anonymise_view, name="inquiry_anonymise"),
    path("faelle/", cases.case_list, name="cases"),
    path("faelle/neu/", cases.case_new, name="case_new"),
    path("faelle/<int:pk>/", cases.case_detail, name="case"),
    path("faelle/<int:pk>/bearbeiten/", cases.case_edit, name="case_edit"),
    path("faelle/<int:pk>/gespraech/", cases.session_add, name="session_add"),
    path("faelle/<int:pk>/plan/", cases.plan_step_add, name="plan_step_add"),
    path("faelle/<int:pk>/plan/<int:step_pk>/status/", cases.plan_step_status, name="plan_step_status"),
    path("faelle/<int:pk>/vermittlung/", cases.referral_add, name="referral_add"),
    path("faelle/<int:pk>/gespraech/<int:item_pk>/", cases.session_edit, name="session_edit"),
    path("faelle/<int:pk>/plan/<int:item_pk>/", cases.plan_step_edit, name="plan_step_edit"),
    path("faelle/<int:pk>/vermittlung/<int:item_pk>/", cases.referral_edit, name="referral_edit"),
    path("faelle/<int:pk>/vermittlung/<int:referral_pk>/status/", cases.referral_status, name="referral_status"),
    path("faelle/<int:pk>/export.json", cases.case_export_json, name="case_export_json"),
    path("faelle/<int:pk>/auskunft/", cases.case_export_print, name="case_export"),
    path("faelle/<int:pk>/anonymisieren/", cases.case_anonymise_view, name="case_anonymise"),
    path("unternehmen/", companies.company_list, name="companies"),
    path("unternehmen/neu/", companies.company_new, name="company_new"),
    path("unternehmen/<int:pk>/", companies.company_detail, name="company"),
    path("unternehmen/<int:pk>/bearbeiten/", companies.company_edit, name="company_edit"),
    path("statistik/", stats.statistics, name="statistics"),
    path("statistik.csv", stats.statistics_csv, name="statistics_csv"),
    path("protokoll/", audit_log.audit_log, name="audit_log"),
    path("protokoll.csv", audit_log.audit_log_csv, name="audit_log_csv"),
]
