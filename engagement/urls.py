from django.urls import path

from . import views

urlpatterns = [
    path("c/<slug:slug>/catch-up/", views.catch_up, name="catch_up"),
    path("c/<slug:slug>/catch-up/settings/", views.drift_settings, name="drift_settings"),
    path("c/<slug:slug>/catch-up/<int:member_id>/", views.catch_up_person, name="catch_up_person"),
    path("c/<slug:slug>/catch-up/<int:member_id>/contact/", views.catch_up_contact, name="catch_up_contact"),
    path("nudge/<str:answer>/<str:token>/", views.nudge_answer, name="nudge_answer"),
]
