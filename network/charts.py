"""Server-rendered SVG bar charts; each comes with a table of the same numbers (templates/network/_bar_chart.html)."""

from __future__ import annotations

from dataclasses import dataclass, field

ROW_HEIGHT = 28
LABEL_SHARE = 45  # percent of the width for the labels; bars start there


@dataclass
class BarChart:
    key: str
    title: str
    rows: list[tuple[str, int, int | str]] = field(default_factory=list)  # label, value, what is shown
    hidden: set[int] = field(default_factory=set)  # indexes of rows whose bar is not drawn ("< 5")

    @property
    def bars(self) -> list[dict]:
        drawn = [value for index, (_l, value, _s) in enumerate(self.rows) if index not in self.hidden]
        top = max(drawn, default=0) or 1
        bars = []
        for index, (label, value, text) in enumerate(self.rows):
            width = 0 if index in self.hidden else round(value / top * LABEL_SHARE, 2)
            y = index * ROW_HEIGHT
            bars.append({"label": label, "text": text, "y": y, "width": width, "text_x": LABEL_SHARE + 1 + width})
        return bars

    @property
    def height(self) -> int:
        return max(len(self.rows), 1) * ROW_HEIGHT
