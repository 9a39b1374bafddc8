"""The review server's gate: access token, Host check and security headers, as ASGI middleware.

Loopback without a token: only requests whose Host is a loopback name pass (a
page on another site that rebinds its DNS name to 127.0.0.1 is refused). With a
token (any other address): the first visit carries `?token=...`, which is swapped
for an HttpOnly cookie and a redirect to the same URL without it, as Jupyter does;
scripts may send `Authorization: Bearer TOKEN` instead.
"""
from __future__ import annotations

import hmac
from http.cookies import CookieError, SimpleCookie
from typing import Iterable
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "claims_review_token"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
# Scripts and styles only from this server, nothing inline: a second wall behind escaping.
SECURITY_HEADERS = (
    (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self'; "
                                 b"img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                                 b"form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
)


class Guard:
    """ASGI middleware: refuse requests without the access token or with a foreign Host."""

    def __init__(self, app: ASGIApp, token: str | None = None, allowed_hosts: Iterable[str] | None = None):
        self.app = app
        self.token = token
        self.allowed_hosts = {h.strip("[]").lower() for h in allowed_hosts} if allowed_hosts else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            await send(message)

        if self.allowed_hosts is not None and _host_name(headers.get("host", "")) not in self.allowed_hosts:
            await _plain(send_with_headers, 403, "This server answers on its loopback address only "
                                                 "(open http://127.0.0.1:PORT/); Host not allowed.")
            return
        if self.token:
            query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
            given = dict(query).get("token")
            if given is not None and self._matches(given) and scope["method"] in ("GET", "HEAD"):
                rest = urlencode([(k, v) for k, v in query if k != "token"])
                location = scope.get("root_path", "") + scope["path"] + (f"?{rest}" if rest else "")
                cookie = f"{COOKIE}={self.token}; HttpOnly; SameSite=Strict; Path=/"
                await send_with_headers({"type": "http.response.start", "status": 303, "headers": [
                    (b"location", location.encode("latin-1", "replace")), (b"set-cookie", cookie.encode()),
                    (b"content-length", b"0")]})
                await send_with_headers({"type": "http.response.body", "body": b""})
                return
            if not self._authorised(headers, given):
                await _plain(send_with_headers, 403, "This review server needs its access token: open the URL "
                                                     "with ?token=... printed when it started.")
                return
        await self.app(scope, receive, send_with_headers)

    def _matches(self, given: str) -> bool:
        return hmac.compare_digest(given.encode("utf-8", "replace"), self.token.encode())

    def _authorised(self, headers: Headers, given: str | None) -> bool:
        if given is not None and self._matches(given):
            return True
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer ") and self._matches(auth[7:].strip()):
            return True
        jar = SimpleCookie()
        try:
            jar.load(headers.get("cookie", ""))
        except CookieError:  # a malformed Cookie header carries no token
            return False
        return COOKIE in jar and self._matches(jar[COOKIE].value)


def _host_name(host: str) -> str:
    """The name part of a Host header: `127.0.0.1:8765` -> `127.0.0.1`, `[::1]:80` -> `::1`."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


async def _plain(send: Send, status: int, text: str) -> None:
    body = (text + "\n").encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
