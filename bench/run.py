"""The benchmark: seed a national-size instance on PostgreSQL and measure pages, scans and feeds.

    python bench/run.py [--participants 100000] [--requests 200] [--reuse]

Creates (or, with --reuse, keeps) the database `lg_bench` on the PostgreSQL of DATABASE_URL's
server (default 127.0.0.1:5432, user postgres), seeds it with set-based INSERT ... SELECT from
generate_series, then prints one line per figure, `name value unit`, and writes bench/results.json.
Each figure that has a reference (the hand-written drift SQL, a minimal Django view) is measured
side by side with it in the same run, so that the ratio holds on a noisy machine.
"""

import argparse
import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BENCH_DB = "lg_bench"
SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PASSWORD = "pbkdf2_sha256$1$bench$0000000000000000000000000000000000000000000="  # never used to log in

results: list[tuple[str, float, str]] = []


def report(name: str, value, unit: str) -> None:
    value = round(value, 3) if isinstance(value, float) else value
    results.append((name, value, unit))
    print(f"{name} {value} {unit}", flush=True)


def create_database(reuse: bool) -> bool:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [BENCH_DB]).fetchone()
        if exists and reuse:
            return False
        if exists:
            conn.execute(f'DROP DATABASE "{BENCH_DB}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{BENCH_DB}"')
    return True


def setup_django():
    os.environ["DATABASE_URL"] = f"{SERVER}/{BENCH_DB}"
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()


# --- seeding -----------------------------------------------------------------------------------
# Shape per community (20 participants on average): 8 plenaries over the past year, 3 workgroups
# meeting about every 9 days, about 80% attendance. At 100,000 participants: 5,000 communities,
# ~640,000 meetings, ~4 million attendance rows.

SEED_SQL = """
INSERT INTO participants_community (id, name, slug, question, goals, starts_on, ends_on, ground_rules,
    closed_doors, initiator_kind, time_zone, created_at)
SELECT c, 'Gemeenschap ' || c, 'lg-' || c, 'Hoe werken we hier samen aan werk voor jongeren?', '',
       (now() - interval '1 year')::date, (now() + interval '1 year')::date, 'Wees eerlijk.', false,
       'municipality', 'Europe/Amsterdam', now() - interval '1 year'
FROM generate_series(1, %(communities)s) AS c;

INSERT INTO participants_user (id, password, is_superuser, email, name, language, phone, address, dietary_notes,
    feed_token, is_active, is_staff, date_joined, last_login)
SELECT u, %(password)s, false, 'p' || u || '@bench.example', 'Deelnemer ' || u, 'nl', '',
       'Dorpsstraat ' || u, CASE WHEN u %% 7 = 0 THEN 'vegetarisch' ELSE '' END,
       md5('feed' || u), true, false, now() - interval '1 year',
       now() - ((u %% 90) || ' days')::interval
FROM generate_series(1, %(participants)s) AS u;

-- participant u belongs to community ((u - 1) %% communities) + 1; the first of each is its facilitator
INSERT INTO participants_membership (id, community_id, user_id, is_facilitator, is_moderator, is_coordinator,
    is_core_group, is_participant, is_sounding_board, is_steering_group, sector, organisation, hats, group_roles,
    motivation, expectations, hours_per_month, willing_to_host, ground_rules_accepted_at, status, joined_at)
SELECT u, ((u - 1) %% %(communities)s) + 1, u,
       u <= %(communities)s, false, u > %(communities)s AND u <= 2 * %(communities)s,
       u > %(communities)s AND u <= 9 * %(communities)s, u > %(communities)s, false, false,
       (ARRAY['resident','entrepreneur','civil_society','municipality','education','church','other'])[1 + u %% 7],
       '', '', ('["' || (ARRAY['thinker','doer','visionary','strategist','networker','gadfly'])[1 + u %% 6] || '"]')::jsonb,
       '', '', 4 + u %% 5, u %% 3 = 0, now() - interval '11 months', 'active', now() - interval '1 year'
FROM generate_series(1, %(participants)s) AS u;

INSERT INTO workgroups_workgroup (id, community_id, name, theme, is_core_group, closed, created_at)
SELECT (c - 1) * 3 + w, c, 'Werkgroep ' || w, 'Thema ' || w, w = 1, w = 3, now() - interval '1 year'
FROM generate_series(1, %(communities)s) AS c, generate_series(1, 3) AS w;

-- every participant (not the facilitator) in one workgroup; core group members in the core group
INSERT INTO workgroups_workgroupmember (workgroup_id, membership_id, joined_at)
SELECT (m.community_id - 1) * 3 + CASE WHEN m.is_core_group THEN 1 ELSE 2 + m.id %% 2 END, m.id,
       now() - interval '1 year'
FROM participants_membership m WHERE m.is_participant;

INSERT INTO meetings_meeting (community_id, kind, workgroup_id, title, description, starts_at, ends_at, venue,
    address, host_id, host_state, meal_note, notes, attendance_recorded_at, sequence, cancel_reason, created_at,
    updated_at)
SELECT c, 'plenary', NULL, 'Plenaire bijeenkomst ' || p, '',
       date_trunc('day', now()) - ((8 - p) * 49 - 7 || ' days')::interval + interval '18 hours 30 minutes',
       date_trunc('day', now()) - ((8 - p) * 49 - 7 || ' days')::interval + interval '22 hours 30 minutes',
       '', '', NULL, '', '', 'We spraken over de volgende stap.', now(), 0, '', now(), now()
FROM generate_series(1, %(communities)s) AS c, generate_series(1, 8) AS p;

INSERT INTO meetings_meeting (community_id, kind, workgroup_id, title, description, starts_at, ends_at, venue,
    address, host_id, host_state, meal_note, notes, attendance_recorded_at, sequence, cancel_reason, created_at,
    updated_at)
SELECT c, 'workgroup', (c - 1) * 3 + w, 'Werkgroep ' || w || ' #' || k, '',
       date_trunc('day', now()) - ((40 - k) * 9 || ' days')::interval + interval '19 hours',
       date_trunc('day', now()) - ((40 - k) * 9 || ' days')::interval + interval '21 hours',
       '', '', NULL, '', '', '', CASE WHEN k < 40 THEN now() END, 0, '', now(), now()
FROM generate_series(1, %(communities)s) AS c, generate_series(1, 3) AS w, generate_series(1, 40) AS k;

-- attendance: plenaries, everyone but roughly one in five; the last two plenaries are missed by
-- every tenth participant (the drifters the scan must find)
INSERT INTO meetings_attendance (meeting_id, membership_id)
SELECT mt.id, m.id
FROM meetings_meeting mt JOIN participants_membership m ON m.community_id = mt.community_id
WHERE mt.kind = 'plenary' AND m.is_participant AND (m.id + mt.id) %% 5 <> 0
  AND NOT (m.id %% 10 = 0 AND mt.starts_at > now() - interval '100 days');

INSERT INTO meetings_attendance (meeting_id, membership_id)
SELECT mt.id, wm.membership_id
FROM meetings_meeting mt JOIN workgroups_workgroupmember wm ON wm.workgroup_id = mt.workgroup_id
WHERE mt.kind = 'workgroup' AND mt.attendance_recorded_at IS NOT NULL AND (wm.membership_id + mt.id) %% 5 <> 0;

INSERT INTO meetings_rsvp (meeting_id, membership_id, answer, answered_at)
SELECT mt.id, m.id, CASE WHEN (m.id + mt.id) %% 5 = 0 THEN 'no' ELSE 'yes' END, mt.starts_at - interval '3 days'
FROM meetings_meeting mt JOIN participants_membership m ON m.community_id = mt.community_id
WHERE mt.kind = 'plenary' AND m.is_participant AND m.id %% 10 <> 0;
"""


def reset_sequences(cursor):
    for table in ("participants_community", "participants_user", "participants_membership",
                  "workgroups_workgroup", "meetings_meeting"):
        cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")


def seed(participants: int) -> None:
    from django.core.management import call_command
    from django.db import connection

    communities = max(2, participants // 20)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO off")
        for statement in SEED_SQL.split(";\n"):
            if statement.strip():
                cursor.execute(statement, {"communities": communities, "participants": participants,
                                           "password": PASSWORD})
        reset_sequences(cursor)
        cursor.execute("ANALYZE")
    seeded = time.perf_counter()
    report("seed_migrate", migrated - started, "s")
    report("seed_rows", seeded - migrated, "s")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM meetings_attendance")
        report("rows_attendance", cursor.fetchone()[0], "rows")
        cursor.execute("SELECT count(*) FROM meetings_meeting")
        report("rows_meetings", cursor.fetchone()[0], "rows")
    report("rows_participants", participants, "rows")
    report("rows_communities", communities, "rows")


# --- measuring ---------------------------------------------------------------------------------

def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def pages(requests: int) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from participants.models import Membership

    big = Membership.objects.select_related("community", "user").filter(community_id=1, is_participant=True).first()
    small_community = _small_community()
    small = Membership.objects.select_related("community", "user").filter(community=small_community,
                                                                          is_participant=True).first()
    for page_name, path_for in page_paths().items():
        counts = {}
        for label, member in (("large", big), ("small", small)):
            client = Client()
            client.force_login(member.user)
            path = path_for(member)
            if path is None:
                break
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(path)
            if response.status_code != 200:
                report(f"page_{page_name}_status", response.status_code, "http")
                break
            counts[label] = len(ctx.captured_queries)
            if label == "large":
                client.get(path)
                times = timed(lambda c=client, p=path: c.get(p), requests)
                report(f"page_{page_name}_median", statistics.median(times), "ms")
                report(f"page_{page_name}_p95", p95(times), "ms")
        if len(counts) == 2:
            report(f"page_{page_name}_queries", counts["large"], "queries")
            report(f"page_{page_name}_queries_small", counts["small"], "queries")


def _small_community():
    """A community of 4 people with one workgroup, one past and one coming plenary: the same kinds of
    rows as a large one, few of each, to compare query counts with."""
    from datetime import date, timedelta

    from django.utils import timezone

    from meetings.models import Attendance, Meeting
    from participants.models import Community, Membership, User
    from workgroups.models import Workgroup, WorkgroupMember

    community, created = Community.objects.get_or_create(
        slug="bench-small", defaults={"name": "Klein", "question": "?", "starts_on": date(2026, 1, 1),
                                      "ends_on": date(2027, 12, 31), "initiator_kind": "residents"})
    if created:
        now = timezone.now()
        workgroup = Workgroup.objects.create(community=community, name="Werkgroep", theme="Thema")
        past = Meeting.objects.create(community=community, title="Plenair", starts_at=now - timedelta(days=20),
                                      ends_at=now - timedelta(days=20, hours=-2), attendance_recorded_at=now)
        Meeting.objects.create(community=community, title="Plenair", starts_at=now + timedelta(days=20),
                               ends_at=now + timedelta(days=20, hours=2))
        for i in range(4):
            user = User.objects.create_user(email=f"small{i}@bench.example", password=None, name=f"Klein {i}")
            member = Membership.objects.create(community=community, user=user, is_facilitator=i == 0,
                                               is_participant=i > 0)
            if i:
                WorkgroupMember.objects.create(workgroup=workgroup, membership=member)
                Attendance.objects.create(meeting=past, membership=member)
    return community


def page_paths():
    from django.urls import NoReverseMatch, reverse

    def url(name, *args):
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            return None

    def workgroup_page(member):
        from workgroups.models import WorkgroupMember

        wm = WorkgroupMember.objects.filter(membership=member).first()
        if wm is None:
            from workgroups.models import Workgroup

            wg = Workgroup.objects.filter(community=member.community, closed=False).first()
            return url("workgroup_detail", member.community.slug, wg.pk) if wg else None
        return url("workgroup_detail", member.community.slug, wm.workgroup_id)

    return {
        "community_home": lambda m: url("community_home", m.community.slug),
        "meetings_list": lambda m: url("meeting_list", m.community.slug),
        "workgroup": workgroup_page,
        "reflection_overview": lambda m: url("lessons_reflections", m.community.slug),
        "dashboard": lambda m: url("dashboard_community", m.community.slug),
    }


def drift_scan(participants: int) -> None:
    """The drift scan over every community, and the hand-written reference of the same rule."""
    from django.db import connection
    from django.utils import timezone

    from engagement import drift

    now = timezone.now()
    reference = """
        SELECT m.id FROM participants_membership m
        JOIN LATERAL (
            SELECT array_agg(x.id) AS ids, count(*) AS n FROM (
                SELECT mt.id FROM meetings_meeting mt
                WHERE mt.community_id = m.community_id AND mt.kind = 'plenary' AND mt.cancelled_at IS NULL
                  AND mt.attendance_recorded_at IS NOT NULL AND mt.starts_at < %s AND mt.starts_at > m.joined_at
                ORDER BY mt.starts_at DESC LIMIT 2) x
        ) last ON true
        WHERE m.status = 'active' AND m.is_participant AND last.n = 2
          AND NOT EXISTS (SELECT 1 FROM meetings_attendance a
                          WHERE a.membership_id = m.id AND a.meeting_id = ANY(last.ids))
          AND NOT EXISTS (SELECT 1 FROM meetings_rsvp r  -- sending regrets is no miss
                          WHERE r.membership_id = m.id AND r.meeting_id = ANY(last.ids) AND r.answer = 'no')
    """

    def run_reference():
        with connection.cursor() as cursor:
            cursor.execute(reference, [now])
            return len(cursor.fetchall())

    def run_rule():
        return len(drift.drifting(now=now, codes=(drift.MISSED,)))

    def run_scan():
        return len(drift.drifting(now=now))

    run_reference(), run_rule(), run_scan()  # warm the caches for all three
    ref_times, rule_times, scan_times = [], [], []
    for _ in range(3):
        ref_times.extend(timed(run_reference, 1))
        rule_times.extend(timed(run_rule, 1))
        scan_times.extend(timed(run_scan, 1))
    report("drift_reference_rows", run_reference(), "rows")
    report("drift_rule_rows", run_rule(), "rows")
    report("drift_scan_rows", run_scan(), "rows")
    report("drift_reference_missed_plenaries", min(ref_times) / 1000, "s")
    report("drift_rule_missed_plenaries", min(rule_times) / 1000, "s")
    report("drift_rule_ratio", min(rule_times) / min(ref_times), "x")
    report("drift_scan_all_signals", min(scan_times) / 1000, "s")
    from participants.models import Community

    first = Community.objects.get(pk=1)
    one = timed(lambda: list(drift.drifting(community=first, now=now)) if _takes_community(drift) else None, 20)
    report("drift_scan_one_community", statistics.median(one), "ms")


def _takes_community(drift):
    import inspect

    return "community" in inspect.signature(drift.drifting).parameters


def calendar_feed() -> None:
    """The feed at 200 meetings or more, as a calendar app polls it: the full calendar, and the 304
    that answers a poll with the ETag it had (most polls), with the queries of each."""
    from datetime import timedelta

    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from meetings.models import Meeting
    from participants.models import Membership, User

    # Every open workgroup's meetings too (the setting), as the feed held them before it was personal.
    user, _ = User.objects.get_or_create(email="feed@bench.example", defaults={"name": "Feed"})
    User.objects.filter(pk=user.pk).update(feed_all_workgroups=True)
    user.refresh_from_db()
    Membership.objects.get_or_create(community_id=1, user=user)
    mine = Meeting.objects.filter(community_id=1).count()
    missing = max(0, 200 - mine)
    start = timezone.now() + timedelta(days=1)
    Meeting.objects.bulk_create([
        Meeting(community_id=1, kind="plenary", title=f"Extra {i}", starts_at=start + timedelta(days=i),
                ends_at=start + timedelta(days=i, hours=2)) for i in range(missing)
    ])

    client = Client()
    path = f"/calendar/{user.feed_token}.ics"
    # Counted at the cursor (not from the query log, which a request empties as it starts).
    count = [0]

    def counting(execute, sql, params, many, context):
        count[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counting):
        response = client.get(path)
        full = count[0]
        body, etag = response.content, response["ETag"]
        assert client.get(path, headers={"If-None-Match": etag}).status_code == 304
        cheap = count[0] - full
    times = timed(lambda: client.get(path), 20)
    times_304 = timed(lambda: client.get(path, headers={"If-None-Match": etag}), 50)
    report("feed_meetings", Meeting.objects.filter(community_id=1).count(), "events")
    report("feed_events", body.count(b"BEGIN:VEVENT"), "events")
    report("feed_build_median", statistics.median(times), "ms")
    report("feed_304_median", statistics.median(times_304), "ms")
    report("feed_queries", full, "queries")
    report("feed_304_queries", cheap, "queries")
    report("feed_bytes", len(body), "bytes")


def scan_memory() -> None:
    code = (
        "import os, sys, resource; sys.path.insert(0, {!r}); os.environ['DJANGO_SETTINGS_MODULE']='bench.settings';"
        "os.environ['DATABASE_URL']={!r}; import django; django.setup();"
        "from engagement import drift; from django.utils import timezone;"
        "n = sum(1 for _ in drift.drifting(now=timezone.now()));"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    ).format(str(ROOT), f"{SERVER}/{BENCH_DB}")
    try:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300)
        report("drift_scan_peak_rss", int(out.stdout.strip().splitlines()[-1]) / 1024, "MB")
    except subprocess.CalledProcessError as exc:
        report("drift_scan_peak_rss", -1, "failed")
        print(exc.stderr[-2000:], file=sys.stderr)


def throughput(seconds: int) -> None:
    """gunicorn (the README's production command) under wrk, community home vs a minimal view."""
    import shutil

    from django.contrib.auth import SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from participants.models import Membership

    if not shutil.which("wrk"):
        report("throughput", -1, "wrk_missing")
        return
    member = Membership.objects.select_related("user", "community").filter(community_id=1, is_participant=True).first()
    session = SessionStore()
    session[SESSION_KEY] = str(member.user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = member.user.get_session_auth_hash()
    session.create()
    port = 8765
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "DATABASE_URL": f"{SERVER}/{BENCH_DB}"}
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "bench.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )
    try:
        _wait_for(port)
        rates = {}
        for name, path in (("minimal", "/bench/ping"), ("community_home", f"/c/{member.community.slug}/")):
            subprocess.run(["wrk", "-t2", "-c8", "-d2s", "-H", f"Cookie: sessionid={session.session_key}",
                            f"http://127.0.0.1:{port}{path}"], capture_output=True, timeout=60)
            out = subprocess.run(["wrk", "-t2", "-c8", f"-d{seconds}s", "-H",
                                  f"Cookie: sessionid={session.session_key}", f"http://127.0.0.1:{port}{path}"],
                                 capture_output=True, text=True, timeout=seconds + 60).stdout
            rate = next(float(line.split()[1]) for line in out.splitlines() if line.startswith("Requests/sec"))
            non2xx = [line for line in out.splitlines() if "Non-2xx" in line]
            if non2xx:
                report(f"throughput_{name}_errors", int(non2xx[0].split()[-1]), "responses")
            rates[name] = rate
            report(f"throughput_{name}", rate, "req/s")
        report("throughput_ratio", rates["community_home"] / rates["minimal"], "x")
        report("web_worker_peak_rss", _worker_rss(server.pid), "MB")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


def _wait_for(port):
    import socket

    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start")


def _worker_rss(master_pid):
    peak = 0
    for child in Path("/proc").glob("[0-9]*"):
        try:
            status = (child / "status").read_text()
        except OSError:
            continue
        if f"PPid:\t{master_pid}\n" in status:
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
    return peak / 1024


PARTS = {
    "drift": lambda args: drift_scan(args.participants),
    "scan-memory": lambda args: scan_memory(),
    "pages": lambda args: pages(args.requests),
    "feed": lambda args: calendar_feed(),
    "throughput": lambda args: throughput(args.seconds),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per URL")
    parser.add_argument("--reuse", action="store_true", help="keep an existing lg_bench database")
    parser.add_argument("--only", action="append", choices=sorted(PARTS),
                        help="measure only this part (repeatable); default: all of them")
    args = parser.parse_args()

    created = create_database(args.reuse)
    setup_django()
    if created:
        seed(args.participants)
    report("python_peak_rss_after_seed", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "MB")
    for name, part in PARTS.items():
        if not args.only or name in args.only:
            part(args)

    out = {"participants": args.participants, "machine": f"{os.cpu_count()} cores",
           "figures": [{"name": n, "value": v, "unit": u} for n, v, u in results]}
    (ROOT / "bench" / "results.json").write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
