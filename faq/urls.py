from django.urls import path

from . import views

app_name = "faq"
urlpatterns = [
    path("", views.index, name="index"),
    path("topic/<slug:slug>/", views.topic, name="topic"),
    path("<slug:slug>/", views.entry, name="entry"),
]
