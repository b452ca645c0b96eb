"""The gap view's heat map as SVG geometry: rows are sector and ladder step, columns the regions; a cell's shade is
its gap (demand per current offer in the region), its text "demand / offers". A table of the same numbers stands
beside it (templates/network/gaps.html)."""

from __future__ import annotations

import math

from network.gaps import GapReport

LABEL_WIDTH, CELL_WIDTH, CELL_HEIGHT, HEADER_HEIGHT = 320, 120, 34, 30
SHADES = 4


def heat_map(report: GapReport) -> dict:
    columns = report.regions
    by_key = {(c.labels["sector"], c.labels["step"], c.region): c for c in report.cells}
    labels = sorted({(c.labels["sector"], c.labels["step_order"], c.labels["step"]) for c in report.cells if c.step})
    top = max((c.score for c in report.cells if c.step and c.region), default=0) or 1
    rows = []
    for index, (sector, _order, step) in enumerate(labels):
        y = HEADER_HEIGHT + index * CELL_HEIGHT
        cells = []
        for column, (slug, _name) in enumerate(columns):
            cell = by_key.get((sector, step, slug))
            shade = math.ceil(cell.score / top * SHADES) if cell and cell.demand else 0
            text = f"{cell.demand} / {cell.offers}" if cell else "–"
            cells.append({"x": LABEL_WIDTH + column * CELL_WIDTH, "y": y, "shade": shade, "text": text})
        rows.append({"y": y, "label": f"{sector}, {step}", "cells": cells})
    return {
        "width": LABEL_WIDTH + CELL_WIDTH * max(len(columns), 1),
        "height": HEADER_HEIGHT + CELL_HEIGHT * max(len(rows), 1),
        "columns": [{"x": LABEL_WIDTH + i * CELL_WIDTH + CELL_WIDTH / 2, "name": name} for i, (_s, name) in
                    enumerate(columns)],
        "rows": rows,
        "cell_width": CELL_WIDTH - 4,
        "cell_height": CELL_HEIGHT - 4,
    }  # fmt: skip
