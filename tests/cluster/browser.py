"""A minimal browser for the two-server test: cookies, and a form posted back with what its page filled in."""

import hashlib
import hmac
import http.cookiejar
import struct
import time
import urllib.parse
import urllib.request
from html.parser import HTMLParser


class FormFields(HTMLParser):
    """The name/value pairs a browser would send for the form with `form_id`, as the page filled them in."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self.textarea: str | None = None
        self.text = ""
        self.select: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        elif self.inside and tag == "input":
            self._input(attrs)
        elif self.inside and tag == "textarea" and attrs.get("name"):
            self.textarea, self.text = attrs["name"], ""
        elif self.inside and tag == "select" and attrs.get("name"):
            self.select = {"name": attrs["name"], "first": None, "chosen": [], "multiple": "multiple" in attrs}
        elif self.select is not None and tag == "option":
            value = attrs.get("value", "")
            self.select["first"] = value if self.select["first"] is None else self.select["first"]
            if "selected" in attrs:
                self.select["chosen"].append(value)

    def _input(self, attrs):
        kind, name = attrs.get("type", "text"), attrs.get("name")
        if not name or kind in ("submit", "button", "file", "image", "reset"):
            return
        if kind in ("checkbox", "radio") and "checked" not in attrs:
            return
        self.fields.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))

    def handle_data(self, data):
        if self.textarea is not None:
            self.text += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append((self.textarea, self.text.removeprefix("\n")))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            chosen = self.select["chosen"] or ([] if self.select["multiple"] else [self.select["first"] or ""])
            self.fields += [(self.select["name"], value) for value in chosen]
            self.select = None


def form_fields(page: str, form_id: str) -> list[tuple[str, str]]:
    parser = FormFields(form_id)
    parser.feed(page)
    return parser.fields


class Browser:
    def __init__(self, base_url: str):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str) -> str:
        with self.opener.open(self.base_url + path, timeout=15) as response:
            return response.read().decode()

    def submit(self, path: str, form_id: str, changes: dict[str, str]) -> tuple[str, str]:
        """Loads `path`, changes some fields of its form and posts it; returns the final address and page."""
        fields = [(name, changes.get(name, value)) for name, value in form_fields(self.get(path), form_id)]
        data = urllib.parse.urlencode(fields).encode()
        with self.opener.open(self.base_url + path, data=data, timeout=15) as response:
            return response.url, response.read().decode()

    def log_in_to_admin(self, username: str, password: str, otp_key: str) -> None:
        """Both steps of a staff login: the password, then the code of the TOTP device with the hex key `otp_key`."""
        url, page = self.submit(
            "/admin/login/?next=/admin/", "login-form", {"username": username, "password": password}
        )
        path = url.removeprefix(self.base_url)
        url, page = self.submit(path, "second-factor-form", {"code": totp_now(otp_key)})
        assert url.endswith("/admin/"), page


def totp_now(hex_key: str, step: int = 30, digits: int = 6) -> str:
    """The code an authenticator app shows now (RFC 6238, SHA-1), without importing the app under test."""
    counter = struct.pack(">Q", int(time.time()) // step)
    digest = hmac.new(bytes.fromhex(hex_key), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 10**digits:0{digits}d}"
