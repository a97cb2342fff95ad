"""One place where the Arabic-script and Latin pages are made: the whole HTML response.

Sits below the page cache (a cached page is already transliterated) and below the compressor (it
reads the page uncompressed), above everything that renders: views, error pages, the 503 page.
"""

from django.utils import translation

from .html import transliterate_html
from .languages import script_of


class TransliterationMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = translation.get_language_from_path(request.path_info)
        script = script_of(language)
        if (
            script
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not response.has_header("Content-Encoding")
        ):
            charset = response.charset or "utf-8"
            html = response.content.decode(charset)
            response.content = transliterate_html(html, script, language).encode(charset)
            if response.has_header("ETag"):
                del response["ETag"]  # computed (if at all) on the Cyrillic page
        return response
