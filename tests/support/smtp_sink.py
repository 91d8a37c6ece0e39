"""A real SMTP server on loopback for the e-mail tests (Debian's python3-aiosmtpd).

    smtp_sink.py PORT DIR [--reject-suffix SUFFIX] [--login USER:PASSWORD]

Every accepted message is stored as DIR/<n>.eml (the bytes as received) and parsed with
Python's own e-mail package into DIR/<n>.json (envelope, headers, plain-text body) plus
DIR/<n>.att<i> (each attachment's decoded bytes), so the Rust test checks what a real mail
client would see. RCPT TO an address ending in SUFFIX is refused with 550. With --login the
server demands AUTH (PLAIN or LOGIN) over the plain connection, which is only acceptable on
loopback. Prints "ready" once it listens; runs until killed.
"""

import argparse
import asyncio
import email
import email.policy
import json
import logging
import pathlib
import signal
import sys
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Sink:
    def __init__(self, folder: pathlib.Path, reject_suffix: str | None):
        self.folder = folder
        self.reject_suffix = reject_suffix
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.reject_suffix and address.endswith(self.reject_suffix):
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        n = self.count
        raw = envelope.original_content or envelope.content
        (self.folder / f"{n}.eml").write_bytes(raw)
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        body = msg.get_body(preferencelist=("plain",))
        attachments = []
        for i, part in enumerate(msg.iter_attachments()):
            name = f"{n}.att{i}"
            (self.folder / name).write_bytes(part.get_payload(decode=True))
            attachments.append(
                {"filename": part.get_filename(), "contentType": part.get_content_type(), "file": name}
            )
        login = getattr(session.auth_data, "login", None)
        summary = {
            "mailFrom": envelope.mail_from,
            "rcptTos": envelope.rcpt_tos,
            "login": login.decode() if isinstance(login, bytes) else login,
            "from": str(msg["From"]),
            "to": str(msg["To"]),
            "cc": str(msg["Cc"] or ""),
            "subject": str(msg["Subject"]),
            "messageId": str(msg["Message-ID"]),
            "body": body.get_content() if body is not None else "",
            "attachments": attachments,
        }
        (self.folder / f"{n}.json").write_text(json.dumps(summary, ensure_ascii=False), encoding="utf-8")
        return "250 Message accepted for delivery"


def authenticator_for(user: str, password: str):
    def check(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login.decode() == user and auth_data.password.decode() == password
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    return check


def main() -> None:
    # AUTH without TLS is the point of --login on loopback; say nothing about it.
    warnings.filterwarnings("ignore")
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("folder", type=pathlib.Path)
    parser.add_argument("--reject-suffix")
    parser.add_argument("--login")
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    options = {}
    if args.login:
        user, password = args.login.split(":", 1)
        options = {
            "authenticator": authenticator_for(user, password),
            "auth_required": True,
            "auth_require_tls": False,
        }
    controller = Controller(
        Sink(args.folder, args.reject_suffix), hostname="127.0.0.1", port=args.port, **options
    )
    controller.start()
    print("ready", flush=True)
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.run_until_complete(stop.wait())
    controller.stop()
    sys.exit(0)


if __name__ == "__main__":
    main()
