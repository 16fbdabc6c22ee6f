from django.urls import path

from . import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("settings/", views.user_settings, name="user_settings"),
    path("language/", views.language_switch, name="language_switch"),
    path("privacy/", views.privacy_page, name="privacy"),
    path("settings/export.json", views.privacy_export, name="privacy_export"),
    path("settings/delete/", views.account_delete, name="account_delete"),
    path("new/", views.community_create, name="community_create"),
    path("invite/<str:token>/", views.invitation_detail, name="invitation_detail"),
    path("c/<slug:slug>/", views.community_home, name="community_home"),
    path("c/<slug:slug>/edit/", views.community_edit, name="community_edit"),
    path("c/<slug:slug>/look/", views.community_look, name="community_look"),
    path("c/<slug:slug>/look.css", views.community_look_css, name="community_look_css"),
    path("c/<slug:slug>/logo/", views.community_logo, name="community_logo"),
    path("c/<slug:slug>/members/", views.member_list, name="member_list"),
    path("c/<slug:slug>/members/<int:member_id>/roles/", views.member_roles, name="member_roles"),
    path("c/<slug:slug>/members/<int:member_id>/remove/", views.member_remove, name="member_remove"),
    path("c/<slug:slug>/profile/", views.profile_edit, name="profile_edit"),
    path("c/<slug:slug>/ground-rules/", views.ground_rules, name="ground_rules"),
    path("c/<slug:slug>/invitations/", views.invitations, name="invitations"),
    path("c/<slug:slug>/invitations/<int:invitation_id>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("c/<slug:slug>/suggest/", views.suggest, name="suggest"),
    path("c/<slug:slug>/suggestions/<int:suggestion_id>/dismiss/", views.suggestion_dismiss,
         name="suggestion_dismiss"),
    path("settings/email/", views.email_preferences, name="email_preferences"),
    path("email/unsubscribe/<str:kind>/<str:token>/", views.email_unsubscribe, name="email_unsubscribe"),
]
