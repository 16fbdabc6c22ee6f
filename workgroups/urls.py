from django.urls import path

from . import views

P = "c/<slug:slug>/"

urlpatterns = [
    path(P + "workgroups/", views.workgroup_list, name="workgroup_list"),
    path(P + "workgroups/new/", views.workgroup_propose, name="workgroup_propose"),
    path(P + "workgroups/<int:pk>/", views.workgroup_detail, name="workgroup_detail"),
    path(P + "workgroups/<int:pk>/edit/", views.workgroup_edit, name="workgroup_edit"),
    path(P + "workgroups/<int:pk>/join/", views.workgroup_join, name="workgroup_join"),
    path(P + "workgroups/<int:pk>/leave/", views.workgroup_leave, name="workgroup_leave"),
    path(P + "workgroups/<int:pk>/ask/", views.workgroup_request_join, name="workgroup_request_join"),
    path(P + "workgroups/<int:pk>/requests/<int:request_id>/", views.join_request_decide,
         name="workgroup_join_request_decide"),
    path(P + "workgroups/<int:pk>/invite/", views.workgroup_invite, name="workgroup_invite"),
    path(P + "workgroups/<int:pk>/archive/", views.workgroup_archive, name="workgroup_archive"),
    path(P + "workgroups/<int:pk>/activities/new/", views.activity_create, name="activity_create"),
    path(P + "activities/<int:activity_id>/", views.activity_detail, name="activity_detail"),
    path(P + "posts/", views.post_list, name="post_list"),
    path(P + "posts/new/", views.post_create, name="post_create"),
    path(P + "posts/<int:post_id>/", views.post_detail, name="post_detail"),
    path(P + "posts/<int:post_id>/reply/", views.reply_create, name="reply_create"),
    path(P + "posts/<int:post_id>/answered/", views.post_answered, name="post_answered"),
    path(P + "overview/", views.community_overview, name="community_overview"),
]
