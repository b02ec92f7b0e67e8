"""A real webhook receiver on 127.0.0.1 for the tests and the benchmark: a threaded
HTTP server that verifies each request with the `standardwebhooks` library (not the
desk's own code) and records what it saw."""

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks import Webhook, WebhookVerificationError


@dataclass
class Received:
    webhook_id: str
    body: dict | None
    verified: bool
    answered: int
    at: float


@dataclass
class Receiver:
    """Answers each request with the next status of `script` (200 once it is empty)."""

    secret: str
    script: deque[int] = field(default_factory=deque)
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: ThreadingHTTPServer | None = None
    # Called in the server's thread while a request waits for its answer.
    during: Callable[[], None] | None = None

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/hook"

    def accepted(self) -> list[Received]:
        with self.lock:
            return [r for r in self.received if 200 <= r.answered < 300]

    def start(self) -> "Receiver":
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                data = self.rfile.read(length)
                try:
                    body = Webhook(receiver.secret).verify(data, dict(self.headers))
                    verified = True
                except WebhookVerificationError:
                    body, verified = None, False
                if receiver.during is not None:
                    receiver.during()
                with receiver.lock:
                    status = receiver.script.popleft() if receiver.script else 200
                    if not verified:
                        status = 401
                    receiver.received.append(
                        Received(
                            self.headers.get("webhook-id", ""),
                            body,
                            verified,
                            status,
                            time.time(),
                        )
                    )
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
