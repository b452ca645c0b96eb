"""Small numbers leave an office only as "< 5": a count of 1 to 4 cases could point to a person (docs/domain.md)."""

SMALL_NUMBER = 5
HIDDEN = "< 5"


def is_hidden(value: int, *, suppress: bool) -> bool:
    return suppress and 0 < value < SMALL_NUMBER


def shown(value: int, *, suppress: bool) -> int | str:
    return HIDDEN if is_hidden(value, suppress=suppress) else value
