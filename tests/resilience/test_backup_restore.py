"""Restore drill (docs/backup.md): pg_dump a database holding cases, consents and scans,
pg_restore it into a fresh database, and find every one of them back; media survive a tar."""

import shutil
import subprocess
import tarfile
import uuid

import psycopg
import pytest
from django.db import connection

from cases.constants import ConsentPurpose
from cases.models import Casus, Consent
from scan.models import ScanResponse
from tests.cases.factories import CasusFactory
from tests.scan.factories import definition_published, submitted_scan

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def conninfo(dbname: str) -> dict:
    s = connection.settings_dict
    return {
        "host": s["HOST"] or "127.0.0.1",
        "port": str(s["PORT"] or 5432),
        "user": s["USER"] or "postgres",
        "dbname": dbname,
        **({"password": s["PASSWORD"]} if s["PASSWORD"] else {}),
    }


def pg(tool: str, *args: str, db: dict) -> None:
    env = {"PGPASSWORD": db.get("password", "")}
    base = ["-h", db["host"], "-p", db["port"], "-U", db["user"]]
    subprocess.run(  # noqa: S603
        [shutil.which(tool) or tool, *base, *args],
        check=True,
        capture_output=True,
        env={**env, "PATH": "/usr/bin:/bin"},
    )


def rows(db: dict, model) -> set:
    with psycopg.connect(**db) as conn:
        table, pk = model._meta.db_table, model._meta.pk.column
        return {r[0] for r in conn.execute(f'SELECT "{pk}" FROM "{table}"')}  # noqa: S608


def test_a_dump_restores_into_a_fresh_database_with_every_case_consent_and_scan(tmp_path):
    for _ in range(3):
        CasusFactory(consents=[ConsentPurpose.CONTACT, ConsentPurpose.SHARE_SCAN])
    definition = definition_published()
    for _ in range(2):
        submitted_scan(definition, {})
    source = conninfo(connection.settings_dict["NAME"])
    fresh = {**source, "dbname": f"restore_drill_{uuid.uuid4().hex[:8]}"}
    dump = tmp_path / "schakelteam.dump"

    pg("pg_dump", "--format=custom", "--no-owner", f"--file={dump}", source["dbname"], db=source)
    pg("createdb", fresh["dbname"], db=source)
    try:
        pg(
            "pg_restore",
            "--no-owner",
            "--exit-on-error",
            f"--dbname={fresh['dbname']}",
            str(dump),
            db=fresh,
        )
        for model in (Casus, Consent, ScanResponse):
            expected = set(model.objects.values_list("pk", flat=True))
            assert expected and rows(fresh, model) == expected, model.__name__
    finally:
        pg("dropdb", "--if-exists", fresh["dbname"], db=source)


def test_media_survive_the_archive_round_trip(tmp_path):
    media = tmp_path / "media" / "documents"
    media.mkdir(parents=True)
    (media / "verslag.pdf").write_bytes(b"%PDF-1.7 demo")
    archive = tmp_path / "media.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(tmp_path / "media", arcname="media")
    restored = tmp_path / "restored"
    with tarfile.open(archive) as tar:
        tar.extractall(restored, filter="data")
    assert (restored / "media/documents/verslag.pdf").read_bytes() == b"%PDF-1.7 demo"
