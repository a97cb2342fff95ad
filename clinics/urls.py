from django.urls import path

from . import views

app_name = "clinics"
urlpatterns = [
    path("clinics/", views.directory, name="directory"),
    path("clinics/<slug:slug>/", views.region, name="region"),
    path("quota/", views.quota, name="quota"),
    path("quota/<int:year>/", views.quota, name="quota_year"),
]
