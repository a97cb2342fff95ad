from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.http import urlencode

from scripts.languages import language_tag


def site(request):
    """Language switch links and hreflang alternates for the page being rendered."""
    current = translation.get_language()
    path = request.get_full_path()
    languages = []
    for code, name in settings.LANGUAGES:
        # translate_url resolves the path and reverses it under `code`; unknown paths come back unchanged.
        target = translate_url(path, code)
        if not target.startswith(f"/{code}/"):
            target = f"/{code}/"
        languages.append(
            {
                "code": code,
                "tag": language_tag(code),  # kk-Arab, as hreflang and lang write it
                "name": name,
                "url": target,
                "absolute_url": request.build_absolute_uri(target.split("?")[0]),
                "switch_url": reverse("switch_language", kwargs={"code": code}) + "?" + urlencode({"next": target}),
                "current": code == current,
            }
        )
    return {
        "languages": languages,
        "canonical_url": request.build_absolute_uri(request.path),
    }
