from django.urls import path

from . import views

app_name = "journeys"
urlpatterns = [
    path("<slug:slug>/", views.journey, name="journey"),
]
