"""Reads a rendered page the way assistive technology needs it: ids, form controls and the names they get."""

from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

UNNAMED_INPUTS = {"hidden", "submit", "button", "reset", "image"}


@dataclass
class Control:
    tag: str
    attrs: dict
    wrapped_in_label: bool


@dataclass
class PageMarkup(HTMLParser):
    ids: list[str] = field(default_factory=list)
    label_targets: set[str] = field(default_factory=set)
    controls: list[Control] = field(default_factory=list)
    open_labels: int = 0

    def __post_init__(self):
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "label":
            self.open_labels += 1
            if attrs.get("for"):
                self.label_targets.add(attrs["for"])
        if tag in ("select", "textarea") or (tag == "input" and attrs.get("type", "text") not in UNNAMED_INPUTS):
            self.controls.append(Control(tag, attrs, self.open_labels > 0))

    def handle_endtag(self, tag):
        if tag == "label":
            self.open_labels -= 1

    def duplicate_ids(self) -> list[str]:
        return sorted(id_ for id_, count in Counter(self.ids).items() if count > 1)

    def unnamed_controls(self) -> list[str]:
        """Controls without a label, aria-label or aria-labelledby (the honeypot is hidden from everyone)."""
        return [
            control.attrs.get("name", control.tag)
            for control in self.controls
            if not control.wrapped_in_label
            and control.attrs.get("id") not in self.label_targets
            and not control.attrs.get("aria-label")
            and not control.attrs.get("aria-labelledby")
        ]

    def control(self, id_: str) -> dict:
        return next(control.attrs for control in self.controls if control.attrs.get("id") == id_)


def read(html: str) -> PageMarkup:
    markup = PageMarkup()
    markup.feed(html)
    return markup
