from django.apps import AppConfig


class ScriptsConfig(AppConfig):
    name = "scripts"

    def ready(self):
        from django.conf.locale import LANG_INFO

        from .languages import LANG_INFO as SCRIPT_LANG_INFO

        # Django knows no script variants of Kazakh: their names in their own script, and bidi.
        LANG_INFO.update(SCRIPT_LANG_INFO)
