"""Demo data of this app for `manage.py load_demo`; must stay idempotent."""


def load(*, stdout) -> None:
    pass
