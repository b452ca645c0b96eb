"""The scenarios of `make bench`, in the order they run; URL parameters follow DESIGN.md's public URL contract.

{sector} and {offer} are filled in from the catalogue under test (bench/probe.py).
"""

SCENARIOS = {
    "healthz": "/healthz",
    "search": "/angebote/",
    "level_sector": "/angebote/?level=ohne-abschluss&sector={sector}",
    "funding": "/angebote/?funding=bildungsgutschein",
    "text": "/angebote/?q=Mechatroniker",
    "text_typo": "/angebote/?q=Mechatronikr",
    "radius_25km": "/angebote/?near=70173&radius=25",
    "deep_page": "/angebote/?page=200",
    "three_filters": "/angebote/?level=fachkraft&sector={sector}&funding=bildungsgutschein",
    "detail": "/angebote/{offer}/",
}
