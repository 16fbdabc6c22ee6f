from django.utils import translation

COOKIE = "django_language"


class UserLanguageMiddleware:
    """A logged-in person sees the portal in the language they chose, on every device. The browser's
    language cookie follows the person's language, so the page after logging in or out (or deleting the
    account) and its message are in the language the person was reading."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        language = None
        if user is not None and user.is_authenticated and user.language:
            language = user.language
            translation.activate(language)
            request.LANGUAGE_CODE = language
        response = self.get_response(request)
        user = getattr(request, "user", None)  # logging in replaces it
        if user is not None and user.is_authenticated and user.language:
            language = user.language
        if language and request.COOKIES.get(COOKIE) != language and COOKIE not in response.cookies:
            response.set_cookie(COOKIE, language, samesite="Lax", max_age=365 * 24 * 3600)
        return response
