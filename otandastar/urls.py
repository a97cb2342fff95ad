from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.urls import include, path

from . import views
from .sitemaps import SITEMAPS

urlpatterns = [
    path("", views.root_redirect, name="root"),
    path("language/<str:code>/", views.switch_language, name="switch_language"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_view, {"sitemaps": SITEMAPS}, name="sitemap"),
    # Before the admin: its login with the second step of signing in (twofactor).
    path(settings.ADMIN_PATH, include("twofactor.urls")),
    path(settings.ADMIN_PATH, include("editing.urls")),  # editors' pages, before the admin's catch-all
    path(settings.ADMIN_PATH, admin.site.urls),
]

# Every public page lives under /kk/ and /ru/, Kazakh included.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("faq/", include("faq.urls")),
    path("", include("clinics.urls")),
    path("search/", include("search.urls")),
    path("journeys/", include("journeys.urls")),
    path("", include("contacts.urls")),
    path("", include("feedback.urls")),
    prefix_default_language=True,
)

handler404 = "otandastar.views.page_not_found"
handler500 = "otandastar.views.server_error"
