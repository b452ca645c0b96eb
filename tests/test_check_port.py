import socket
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "check_port.py"


def _check(port: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, SCRIPT, port], capture_output=True, text=True, timeout=30)


def test_check_port_accepts_a_free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = _check(str(port))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_check_port_names_a_taken_port_and_how_to_choose_another():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        result = _check(str(port))
    assert result.returncode == 1
    assert result.stderr == (
        f"Port {port} on 127.0.0.1 is already in use (is the portal or another server running there?).\n"
        "Stop that server, or choose another port: make run PORT=8001\n"
    )


def test_check_port_refuses_a_port_that_is_no_number():
    result = _check("abc")
    assert result.returncode == 1
    assert result.stderr == "PORT must be a number from 1 to 65535, not 'abc'.\n"
