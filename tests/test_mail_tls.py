"""Issue 22, item 2: mail goes only to a server whose certificate and name are verified, over STARTTLS or implicit
TLS (port 465), with the system's authorities or a CA file given for a server with its own; never in clear once
encryption was asked for, and no password sent in clear unless chosen. A local aiosmtpd server with a certificate
from a throwaway authority made here."""

import shutil
import ssl
import subprocess
import warnings

import pytest

from test_summary import Inbox, free_port

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl makes the test certificates")


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    """A certificate authority of its own (self-signed) and a server certificate for `localhost` signed by it."""
    folder = tmp_path_factory.mktemp("tls")
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]

    def openssl(*args):
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True, timeout=30)

    openssl("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Pilkada Test CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    openssl("req", *ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost")
    (folder / "server.ext").write_text("subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\n"
                                       "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n"
                                       "authorityKeyIdentifier=keyid\nsubjectKeyIdentifier=hash\n")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "server.pem", "-days", "2", "-extfile", "server.ext")
    return folder


class Server:
    """A loopback SMTP server: STARTTLS (required before mail), implicit TLS, or plain."""

    def __init__(self, certificates, mode: str):
        from aiosmtpd.controller import Controller

        self.inbox = Inbox()
        context = None
        if mode != "plain":
            with warnings.catch_warnings():  # aiosmtpd's readiness probe wraps a client socket with this context
                warnings.simplefilter("ignore", DeprecationWarning)
                context = ssl.SSLContext(ssl.PROTOCOL_TLS)
            context.load_cert_chain(certificates / "server.pem", certificates / "server.key")
        self.port = free_port()
        options = {"tls_context": context, "require_starttls": True} if mode == "starttls" else {
            "ssl_context": context} if mode == "tls" else {}
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port, **options)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    def received(self) -> int:
        return len(self.inbox.messages)  # kept by handle_DATA before the server answers 250


def summary(run, plan_dir, day, **env):
    return run("summary", "--plan", str(plan_dir), "--on", day, "--mail-to", "ops@polda.example",
               env={"PILKADA_MAIL_FROM": "pilkada@polda.example", **env})


def test_starttls_verifies_the_certificate_and_takes_a_ca_file(run, plan_dir, certificates):
    with Server(certificates, "starttls") as server:
        env = {"PILKADA_SMTP_HOST": "localhost", "PILKADA_SMTP_PORT": str(server.port), "PILKADA_SMTP_STARTTLS": "1"}
        refused = summary(run, plan_dir, "2024-08-02", **env)
        assert refused.exit_code == 1 and "tidak terpercaya" in refused.stderr, refused.stderr
        assert "PILKADA_SMTP_CA_FILE" in refused.stderr and "Traceback" not in refused.stderr
        assert server.received() == 0
        sent = summary(run, plan_dir, "2024-08-03", **env, PILKADA_SMTP_CA_FILE=str(certificates / "ca.pem"))
        assert sent.exit_code == 0, sent.stderr
        assert server.received() == 1


def test_the_server_name_is_checked_too(run, plan_dir, certificates):
    """The certificate is for localhost; reached as 127.0.0.1 it does not prove who answers."""
    with Server(certificates, "starttls") as server:
        result = summary(run, plan_dir, "2024-08-02", PILKADA_SMTP_HOST="127.0.0.1", PILKADA_SMTP_PORT=str(server.port),
                         PILKADA_SMTP_STARTTLS="1", PILKADA_SMTP_CA_FILE=str(certificates / "ca.pem"))
        assert result.exit_code == 1 and "tidak terpercaya" in result.stderr, result.stderr
        assert server.received() == 0


def test_implicit_tls_verifies_the_certificate(run, plan_dir, certificates):
    with Server(certificates, "tls") as server:
        env = {"PILKADA_SMTP_HOST": "localhost", "PILKADA_SMTP_PORT": str(server.port), "PILKADA_SMTP_TLS": "true"}
        refused = summary(run, plan_dir, "2024-08-02", **env)
        assert refused.exit_code == 1 and "tidak terpercaya" in refused.stderr, refused.stderr
        sent = summary(run, plan_dir, "2024-08-03", **env, PILKADA_SMTP_CA_FILE=str(certificates / "ca.pem"))
        assert sent.exit_code == 0, sent.stderr
        assert server.received() == 1


def test_a_server_without_starttls_gets_nothing_in_clear(run, plan_dir, certificates):
    with Server(certificates, "plain") as server:
        result = summary(run, plan_dir, "2024-08-02", PILKADA_SMTP_HOST="127.0.0.1",
                         PILKADA_SMTP_PORT=str(server.port), PILKADA_SMTP_STARTTLS="1")
        assert result.exit_code == 1 and "tidak menawarkan STARTTLS" in result.stderr, result.stderr
        assert server.received() == 0


def test_port_465_is_implicit_tls_and_settings_never_mean_clear_text_by_accident(run, plan_dir):
    from pilkada_cli.delivery import cleartext_login, smtp_settings

    settings = smtp_settings({"smtp_port": 465, "smtp_user": "ops"}, {"PILKADA_SMTP_PASSWORD": "rahasia"})
    assert settings.tls and not settings.starttls and not cleartext_login(settings)
    assert not smtp_settings({"smtp_port": 587, "smtp_starttls": True}, {}).tls
    both = summary(run, plan_dir, "2024-08-02", PILKADA_SMTP_TLS="1", PILKADA_SMTP_STARTTLS="1")
    assert both.exit_code == 1 and "smtp_tls" in both.stderr
    clear = summary(run, plan_dir, "2024-08-02", PILKADA_SMTP_CA_FILE="/etc/ssl/ca.pem")
    assert clear.exit_code == 1 and "tanpa enkripsi" in clear.stderr, clear.stderr


def test_a_missing_ca_file_is_named(run, plan_dir, isolated):
    result = summary(run, plan_dir, "2024-08-02", PILKADA_SMTP_STARTTLS="1",
                     PILKADA_SMTP_CA_FILE=str(isolated / "tidak-ada.pem"))
    assert result.exit_code == 1 and "tidak-ada.pem" in result.stderr and "Traceback" not in result.stderr


class _LoginServer:
    """A loopback SMTP server that offers AUTH, to see what a client sends."""

    def __enter__(self):
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                return "250 OK"

        def authenticator(server, session, envelope, mechanism, auth_data):
            return AuthResult(success=True)

        from test_summary import free_port

        self.port = free_port()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port, authenticator=authenticator,
                                     auth_required=False, auth_require_tls=False)
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()


def test_a_login_without_starttls_is_refused_unless_chosen(run, plan_dir):
    with _LoginServer() as server:
        env = {"PILKADA_SMTP_HOST": "127.0.0.1", "PILKADA_SMTP_PORT": str(server.port), "PILKADA_SMTP_USER": "ops",
               "PILKADA_SMTP_PASSWORD": "rahasia"}
        refused = run("summary", "--plan", str(plan_dir), "--on", "2024-08-02", "--mail-to", "ops@polda.example",
                      env=env)
        assert refused.exit_code == 1 and "STARTTLS" in refused.stderr
        chosen = run("summary", "--plan", str(plan_dir), "--on", "2024-08-03", "--mail-to", "ops@polda.example",
                     env={**env, "PILKADA_SMTP_STARTTLS": "false"})
        assert chosen.exit_code == 0, chosen.stderr
        assert "tanpa enkripsi" in chosen.stderr
        unicode_password = run("summary", "--plan", str(plan_dir), "--on", "2024-08-04", "--mail-to",
                               "ops@polda.example", env={**env, "PILKADA_SMTP_STARTTLS": "false",
                                                         "PILKADA_SMTP_PASSWORD": "rahasiä€"})
        assert unicode_password.exit_code == 1 and "ASCII" in unicode_password.stderr
