from django.conf import settings


def site(request):
    return {"portal_name": settings.SITE_NAME, "contact_email": settings.CONTACT_EMAIL}
