"""Fail with a clear message when `make run` cannot serve on the port, before it claims the portal runs.

Usage: python scripts/check_port.py PORT   (exit status 0: free, 1: taken or not usable). Standard library only,
so it runs before the virtual environment exists.
"""

import socket
import sys

HOST = "127.0.0.1"


def problem(port: int) -> str | None:
    """Why runserver could not listen on HOST:port, or None when it can."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # runserver sets SO_REUSEADDR too: a port left in TIME_WAIT by a stopped server counts as free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except PermissionError:
            return f"Port {port} needs administrator rights."
        except OSError:
            return f"Port {port} on {HOST} is already in use (is the portal or another server running there?)."
    return None


def main(argv: list[str]) -> int:
    port = int(argv[1]) if len(argv) == 2 and argv[1].isdigit() else 0
    if not 1 <= port <= 65535:
        print(f"PORT must be a number from 1 to 65535, not {' '.join(argv[1:])!r}.", file=sys.stderr)
        return 1
    reason = problem(port)
    if reason:
        print(reason, file=sys.stderr)
        print(
            f"Stop that server, or choose another port: make run PORT={8002 if port == 8001 else 8001}", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
