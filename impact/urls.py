from django.urls import path

from . import views

P = "c/<slug:slug>/"

# The paths are those of the lessons app, where these pages began, so links in emails already sent
# keep working. The names kept their lessons_ prefix too, so every template and test that links here
# stayed as it was; renaming them is a matter of a search and replace.
urlpatterns = [
    path(P + "return/", views.return_list, name="lessons_returns"),
    path(P + "return/new/", views.return_new, name="lessons_return_new"),
    path(P + "return/add/", views.return_add, name="lessons_return_add"),
    path(P + "return/<int:pk>/delete/", views.return_delete, name="lessons_return_delete"),
    path(P + "return/expectations/", views.expectations, name="lessons_expectations"),
    path(P + "return/expectations/save/", views.expectation_save, name="lessons_expectation_save"),
    path(P + "return/who-found-whom/", views.relations, name="lessons_relations"),
    path(P + "costs/", views.costs, name="lessons_costs"),
    path(P + "costs/new/", views.contribution_new, name="lessons_contribution_new"),
    path(P + "costs/add/", views.contribution_add, name="lessons_contribution_add"),
    path(P + "costs/<int:pk>/delete/", views.contribution_delete, name="lessons_contribution_delete"),
    path(P + "costs/ask/", views.asks, name="lessons_asks"),
    path(P + "costs/ask/add/", views.ask_add, name="lessons_ask_add"),
    path(P + "costs/ask/<int:pk>/answer/", views.ask_answer, name="lessons_ask_answer"),
    path(P + "costs/ask/<int:pk>/close/", views.ask_close, name="lessons_ask_close"),
    path(P + "dashboard/", views.dashboard, name="dashboard_community"),
    path(P + "export/<slug:kind>.csv", views.export, name="lessons_export"),
    path(P + "harvest/", views.harvests, name="lessons_harvests"),
    path(P + "harvest/end/", views.period_close, name="lessons_period_end"),
    path(P + "harvest/preview/", views.harvest_preview, name="lessons_harvest_preview"),
    path(P + "harvest/<int:pk>/", views.harvest_detail, name="lessons_harvest"),
    path(P + "harvest/<int:pk>/download/", views.harvest_download, name="lessons_harvest_download"),
]
