from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode


class LanguageMiddleware:
    """German unless the visitor chose another language with the switch (cookie).

    Unlike Django's LocaleMiddleware it ignores Accept-Language: the portal is written in German and only partly
    translated, so a browser set to English should not get a half-English page it never asked for.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response


class NullCharacterQueryMiddleware:
    """Ignores admin query parameters holding a NUL character (a redirect without them): PostgreSQL refuses NUL in
    text, so such a value in an admin list filter or search (`?status=a%00b`) would end in a server error. The
    public pages validate their parameters in forms and filter sets themselves."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pairs = [(key, value) for key, values in request.GET.lists() for value in values]
        in_admin = request.path.startswith(reverse("admin:index"))
        if not in_admin or not any("\x00" in key + value for key, value in pairs):
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseBadRequest()
        kept = [(key, value) for key, value in pairs if "\x00" not in key + value]
        return HttpResponseRedirect(f"{request.path}?{urlencode(kept)}" if kept else request.path)
