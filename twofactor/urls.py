"""Included under the admin's path, before the admin: the sign-in's password step and the second step."""

from django.urls import path

from . import views

app_name = "twofactor"
urlpatterns = [
    # Shadows the admin's own login (same address) to add the second step when it is required.
    path("login/", views.login, name="login"),
    path("two-factor/", views.verify, name="verify"),
    path("two-factor/setup/", views.setup, name="setup"),
    path("two-factor/recovery-codes/", views.recovery_codes, name="recovery_codes"),
]
