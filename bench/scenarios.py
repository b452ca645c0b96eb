"""The scenarios of `make bench`, in the order they run; URL parameters follow the public URL contract.

SCENARIOS repeat one URL each ({sector} and {offer} are filled in from the catalogue under test, bench/probe.py):
after the first request they measure the cache. LONG_TAIL scenarios request a different URL every time, from the
pools of bench/pool.py named by kind; the mixes take their kinds in turn, in equal parts. WRITING scenarios run
while a partner saves an offer every few seconds (bench/writer.py).
"""

from bench.pool import KINDS

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

LONG_TAIL = {f"tail_{kind}": [kind] for kind in KINDS} | {"tail_mix": KINDS, "tail_mix_writer": KINDS}
WRITING = {"tail_mix_writer"}
