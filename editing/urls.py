"""Editors' pages inside the admin (under DJANGO_ADMIN_PATH), signed in as staff."""

from django.contrib import admin
from django.urls import path

from . import views

app_name = "editing"
urlpatterns = [
    path("help/", admin.site.admin_view(views.guide), name="guide"),
]
