"""Helpers shared by the bench scripts: a free loopback port, a JSON call with HTTP Basic, an SMTP sink."""
import base64, json, socket, threading, urllib.error, urllib.request


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p


def call(base, method, path, body=None, user="clerk", password=None):
    """(status, parsed JSON or None) of one API call as `user` (password: by default the name, as the demo users')."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    if body is not None:
        req.add_header("Content-Type", "application/json")
    req.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:{password or user}".encode()).decode())
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        try:
            return e.code, json.loads(e.read() or b"null")
        except ValueError:
            return e.code, None


class Sink:
    """SMTP sink on loopback; counts messages per outbox id."""
    def __init__(self):
        import smtpd, asyncore  # deprecated, present in Python 3.11
        self.by_id, self.total, self.lock = {}, 0, threading.Lock()
        sink = self

        class Server(smtpd.SMTPServer):
            def process_message(self, peer, mailfrom, rcpttos, data, **kw):
                mail_id = None
                for line in data.split(b"\r\n" if b"\r\n" in data else b"\n"):
                    if not line:
                        break
                    if line.lower().startswith(b"x-disclosure-mail-id:"):
                        mail_id = line.split(b":", 1)[1].strip().decode()
                with sink.lock:
                    sink.total += 1
                    sink.by_id[mail_id] = sink.by_id.get(mail_id, 0) + 1
        self.port = free_port()
        self.server = Server(("127.0.0.1", self.port), None, decode_data=False)
        threading.Thread(target=asyncore.loop, kwargs={"timeout": 0.2}, daemon=True).start()
