"""`claims review DIR`: a local web page where a reviewer decides on the conflicts a run found.

`serve` runs it (blocking); `create_app` builds the Starlette app for tests.
"""
from __future__ import annotations

import errno
import ipaddress
import secrets
import socket
import sys
from pathlib import Path

from pipeline.errors import usage
from pipeline.review.app import create_app
from pipeline.review.guard import LOOPBACK_NAMES

__all__ = ["create_app", "serve", "is_loopback", "free_port"]


def is_loopback(host: str) -> bool:
    """True for a host name or address that only this machine can reach.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("::1"), is_loopback("0.0.0.0")
    (True, True, True, False)
    """
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(out_dir: Path, host: str = "127.0.0.1", port: int = 8765, reviewer: str = "",
          token: str | None = None) -> None:
    """Serve the review page for one run folder until interrupted; print the URL to open on stderr.

    out_dir (Path): the run's output folder, holding `claims.db`.
    host (str): the address to bind; anything but loopback needs an access token,
        and one is generated (and printed in the URL) when none is given.
    port (int): the TCP port.
    reviewer (str): the name recorded with decisions when the page sends none.
    token (str | None): the access token to require; None for none on loopback.
    """
    import uvicorn  # imported here: only `claims review` needs the server

    loopback = is_loopback(host)
    if token is None and not loopback:
        token = secrets.token_urlsafe(24)
    # On loopback without a token, refuse foreign Host headers (DNS rebinding).
    allowed = None if token else [*LOOPBACK_NAMES, host]
    app = create_app(Path(out_dir), reviewer=reviewer, token=token, allowed_hosts=allowed)
    port = free_port(host, port)  # before the URL is printed: a taken port's URL leads to the other server
    shown = host if host not in ("0.0.0.0", "::", "") else "127.0.0.1"
    if ":" in shown:
        shown = f"[{shown}]"
    url = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    print(f"Reviewing {out_dir}; open this URL in a browser (Ctrl+C to stop):\n    {url}", file=sys.stderr)
    if host in ("0.0.0.0", "::"):
        print("    or, from another machine, the same URL with this machine's name or address", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def _bind(host: str, port: int) -> int:
    """Bind (and release) host:port as uvicorn will (SO_REUSEADDR); the port bound, or an OSError."""
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host.strip("[]"), port))
        return sock.getsockname()[1]


def free_port(host: str, port: int) -> int:
    """`port` when it can be listened on at `host` (a free one when `port` is 0); else a one-line UsageError.

    The message names the next free port to pass instead. The port is released again before the
    server binds it: another program could take it in between, which uvicorn then reports.
    """
    try:
        return _bind(host, port)
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise usage("E016", host=host, port=port, reason=exc.strerror or str(exc)) from exc
    for other in range(port + 1, min(port + 50, 65536)):
        try:
            suggestion = _bind(host, other)
            break
        except OSError:
            continue
    else:
        suggestion = 0
    raise usage("E015", host=host, port=port, other=suggestion)
