from django.urls import path

from . import views

P = "c/<slug:slug>/meetings/"

urlpatterns = [
    path(P, views.meeting_list, name="meeting_list"),
    path(P + "past/", views.meeting_list_past, name="meeting_list_past"),
    path(P + "mine/", views.meeting_list_mine, name="meeting_list_mine"),
    path(P + "workgroup/<int:workgroup_id>/", views.meeting_list_workgroup, name="meeting_list_workgroup"),
    path(P + "new/", views.meeting_new, name="meeting_new"),
    path(P + "settings/", views.meeting_settings, name="meeting_settings"),
    path(P + "<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path(P + "<int:pk>.ics", views.meeting_ics, name="meeting_ics"),
    path(P + "<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path(P + "<int:pk>/cancel/", views.meeting_cancel, name="meeting_cancel"),
    path(P + "<int:pk>/rsvp/", views.meeting_rsvp, name="meeting_rsvp"),
    path(P + "<int:pk>/host/answer/", views.meeting_host_answer, name="meeting_host_answer"),
    path(P + "<int:pk>/host/ask/", views.meeting_host_ask, name="meeting_host_ask"),
    path(P + "<int:pk>/agenda/", views.agenda_add, name="meeting_agenda_add"),
    path(P + "<int:pk>/agenda/<int:item_id>/move/", views.agenda_move, name="meeting_agenda_move"),
    path(P + "<int:pk>/agenda/<int:item_id>/remove/", views.agenda_remove, name="meeting_agenda_remove"),
    path(P + "<int:pk>/attendance/", views.meeting_attendance, name="meeting_attendance"),
    path("calendar/regenerate/", views.feed_token_regenerate, name="calendar_feed_regenerate"),
    path("calendar/settings/", views.feed_settings, name="calendar_feed_settings"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]
