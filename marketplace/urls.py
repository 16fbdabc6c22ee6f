from django.urls import path

from . import views

urlpatterns = [
    # Organisers (members of the organising workgroup and facilitators); results for every member.
    path("c/<slug:slug>/marketplace/", views.marketplace_index, name="marketplace_index"),
    path("c/<slug:slug>/marketplace/new/", views.marketplace_create, name="marketplace_create"),
    path("c/<slug:slug>/marketplace/<int:pk>/", views.marketplace_detail, name="marketplace_detail"),
    path("c/<slug:slug>/marketplace/<int:pk>/edit/", views.marketplace_edit, name="marketplace_edit"),
    path("c/<slug:slug>/marketplace/<int:pk>/matching/", views.marketplace_matching, name="marketplace_matching"),
    path("c/<slug:slug>/marketplace/<int:pk>/matches/new/", views.match_create, name="marketplace_match_create"),
    path("c/<slug:slug>/marketplace/<int:pk>/matches/<int:match_pk>/status/", views.match_status,
         name="marketplace_match_status"),
    path("c/<slug:slug>/marketplace/<int:pk>/matches/print/", views.marketplace_print, name="marketplace_print"),
    path("c/<slug:slug>/marketplace/<int:pk>/matches.csv", views.marketplace_csv, name="marketplace_csv"),
    # Public, no account: the entry form per marketplace (unguessable token) and the signed email links.
    path("beursvloer/<str:token>/", views.entry_form, name="marketplace_entry"),
    path("beursvloer/<str:token>/verstuurd/", views.entry_sent, name="marketplace_entry_sent"),
    path("beursvloer-bevestigen/<str:token>/", views.entry_confirm, name="marketplace_entry_confirm"),
    path("beursvloer-navraag/<str:token>/", views.follow_up, name="marketplace_follow_up"),
]
