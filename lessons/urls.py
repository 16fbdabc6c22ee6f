from django.urls import path

from . import views

P = "c/<slug:slug>/"

urlpatterns = [
    path(P + "compass/", views.compass, name="lessons_compass"),
    path(P + "compass/print/", views.compass_print, name="lessons_compass_print"),
    path(P + "compass/rounds/", views.rounds, name="lessons_rounds"),
    path(P + "compass/rounds/open/", views.round_open, name="lessons_round_open"),
    path(P + "compass/rounds/<int:pk>/", views.round_detail, name="lessons_round"),
    path(P + "compass/rounds/<int:pk>/items/<int:item_pk>/", views.round_answer, name="lessons_round_answer"),
    path(P + "compass/rounds/<int:pk>/close/", views.round_close, name="lessons_round_close"),
    path(P + "compass/<slug:chapter>/", views.compass_chapter, name="lessons_compass_chapter"),
    path(P + "evaluations/", views.evaluations, name="lessons_evaluations"),
    path(P + "evaluations/open/", views.evaluation_open, name="lessons_evaluation_open"),
    path(P + "evaluations/<int:pk>/", views.evaluation_detail, name="lessons_evaluation"),
    path(P + "evaluations/<int:pk>/respond/", views.evaluation_respond, name="lessons_evaluation_respond"),
    path(P + "evaluations/<int:pk>/conclude/", views.evaluation_conclude, name="lessons_evaluation_conclude"),
    path(P + "learning-goals/", views.learning_goals, name="lessons_learning_goals"),
    path(P + "learning-goals/add/", views.learning_goal_add, name="lessons_learning_goal_add"),
    path(P + "learning-goals/<int:pk>/reached/", views.learning_goal_reach, name="lessons_learning_goal_reach"),
    path(P + "reflections/", views.reflections, name="lessons_reflections"),
    path(P + "reflections/activity/<int:pk>/", views.reflect_activity, name="lessons_reflect_activity"),
    path(P + "reflections/activity/<int:pk>/submit/", views.reflect_activity_submit,
         name="lessons_reflect_activity_submit"),
    path(P + "reflections/meeting/<int:pk>/", views.reflect_meeting, name="lessons_reflect_meeting"),
    path(P + "reflections/meeting/<int:pk>/submit/", views.reflect_meeting_submit,
         name="lessons_reflect_meeting_submit"),
]
