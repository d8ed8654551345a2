"""GraphClient's other calls over loopback: test connection (GET), media upload (multipart,
checked before sending) and TLS verification."""

from __future__ import annotations

import datetime
import ipaddress
import ssl
from pathlib import Path

import httpx
import pytest

from composer import limits
from composer.graph import errors as E
from composer.graph.retry import RetryPolicy
from tests.integration.client_helpers import PAYLOAD, PNID, TOKEN, make_client
from tests.integration.fake_graph import FakeGraph, Reply


def test_phone_number_info(graph: FakeGraph) -> None:
    info = {"display_phone_number": "+1 555-078-3881", "verified_name": "Acme", "id": PNID}
    graph.add(Reply(200, info | {"quality_rating": "GREEN"}))
    with make_client(graph.url) as client:
        result = client.phone_number_info()
    assert (result.display_phone_number, result.verified_name) == ("+1 555-078-3881", "Acme")
    assert result.quality_rating == "GREEN"
    [request] = graph.requests
    assert request.method == "GET"
    assert request.path == (
        f"/v24.0/{PNID}?fields=display_phone_number%2Cverified_name%2Cquality_rating"
    )
    assert request.headers["authorization"] == f"Bearer {TOKEN}"


def test_phone_number_info_slow_get_is_retried(graph: FakeGraph) -> None:
    info = {"display_phone_number": "1", "verified_name": "Acme"}
    graph.add(Reply(delay=3.0), Reply(200, info))
    with make_client(graph.url, timeout=httpx.Timeout(5.0, read=0.3)) as client:
        assert client.phone_number_info().verified_name == "Acme"
    assert len(graph.requests) == 2


def test_upload_media_sends_multipart(graph: FakeGraph, tmp_path: Path) -> None:
    image = tmp_path / "header.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    graph.add(Reply(200, {"id": "1037543291543636"}))
    with make_client(graph.url) as client:
        assert client.upload_media(image, "image/png") == "1037543291543636"
    [request] = graph.requests
    assert request.method == "POST" and request.path == f"/v24.0/{PNID}/media"
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'name="messaging_product"\r\n\r\nwhatsapp' in request.body
    assert b'name="type"\r\n\r\nimage/png' in request.body
    assert b'filename="header.png"' in request.body and b"\x89PNG" in request.body


def test_upload_checks_size_and_type_before_sending(graph: FakeGraph, tmp_path: Path) -> None:
    big = tmp_path / "huge.jpg"
    with big.open("wb") as handle:
        handle.truncate(limits.MEDIA_IMAGE.max_bytes + 1)  # sparse: one byte over the limit
    with make_client(graph.url) as client:
        with pytest.raises(E.MediaError) as too_big:
            client.upload_media(big, "image/jpeg")
        with pytest.raises(E.MediaError) as wrong_type:
            client.upload_media(big, "image/gif")
        with pytest.raises(E.MediaError) as missing:
            client.upload_media(tmp_path / "nope.pdf", "application/pdf")
    assert "huge.jpg" in too_big.value.explanation and "5 MB" in too_big.value.explanation
    assert "image/gif" in wrong_type.value.explanation
    assert "nope.pdf" in missing.value.explanation
    assert graph.requests == []


def _self_signed_context(tmp_path: Path) -> ssl.SSLContext:
    """A server certificate for 127.0.0.1 that no CA signed (made with cryptography)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=1))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    return context


def test_tls_is_always_verified(tmp_path: Path) -> None:
    with FakeGraph(tls=_self_signed_context(tmp_path)) as graph:
        assert graph.url.startswith("https://")
        client = make_client(graph.url, policy=RetryPolicy(max_attempts=3))
        with client, pytest.raises(E.ConfigurationError) as caught:
            client.send_message(PAYLOAD)
    assert (
        "certificate" in caught.value.explanation and "nothing was sent" in caught.value.explanation
    )
    assert graph.requests == [] and len(caught.value.attempts) == 1
