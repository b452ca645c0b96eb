from merkliste.session import kept_ids


def merkliste(request):
    """The Merkliste in the header and on offer cards (a database read only for visitors with a session)."""
    session = getattr(request, "session", None)
    ids = kept_ids(session) if session is not None else []
    return {"merkliste_count": len(ids), "merkliste_ids": frozenset(ids)}
