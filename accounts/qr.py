import segno


def qr_svg(text: str) -> str:
    """An inline SVG QR code drawn on our own host: the secret never leaves the server for a QR service."""
    return segno.make(text, error="m").svg_inline(scale=5, title="QR-Code", border=2)
