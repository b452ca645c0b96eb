"""An uploaded file kept on the server between the preview and the confirmation, never in the session itself
(files are up to IMPORT_MAX_MB). The session holds only a random token and what the preview was made for."""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path

SESSION_KEY = "offers_import"


def _folder() -> Path:
    folder = Path(tempfile.gettempdir()) / "lotsendienst-imports"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def keep(session, *, data: bytes, partner_id: int, complete: bool, file_name: str) -> None:
    discard(session)
    token = secrets.token_hex(16)
    (_folder() / token).write_bytes(data)
    session[SESSION_KEY] = {"token": token, "partner": partner_id, "complete": complete, "file_name": file_name}


def kept(session) -> tuple[dict, bytes] | None:
    """What the preview was made for and the file's bytes, or None if nothing (or nothing readable) is kept."""
    pending = session.get(SESSION_KEY)
    if not pending:
        return None
    path = _folder() / pending["token"]
    if not pending["token"].isalnum() or not path.exists():
        return None
    return pending, path.read_bytes()


def discard(session) -> None:
    pending = session.pop(SESSION_KEY, None)
    if pending and pending.get("token", "").isalnum():
        (_folder() / pending["token"]).unlink(missing_ok=True)
