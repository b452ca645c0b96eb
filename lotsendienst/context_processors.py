from django.conf import settings


def site(request):
    return {"portal_name": settings.SITE_NAME, "contact_email": settings.CONTACT_EMAIL}


def merkliste(request):
    """The Merkliste in the header and on offer cards (a database read only for visitors with a session)."""
    from lotsendienst.merkliste import kept_ids

    session = getattr(request, "session", None)
    ids = kept_ids(session) if session is not None else []
    return {"merkliste_count": len(ids), "merkliste_ids": frozenset(ids)}
