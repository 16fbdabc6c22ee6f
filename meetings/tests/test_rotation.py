"""The host rotation as a pure function, over a simulated year of plenaries."""

import random
from datetime import UTC, datetime, timedelta

from meetings.selectors.rotation import Candidate, Hosting, propose_host

START = datetime(2026, 1, 13, 18, 30, tzinfo=UTC)

PEOPLE = [
    Candidate(id=1, name="Anouk", sector="resident"),
    Candidate(id=2, name="Bas", sector="education"),
    Candidate(id=3, name="Erik", sector="entrepreneur"),
    Candidate(id=4, name="Ingrid", sector="church"),
    Candidate(id=5, name="Jan", sector="entrepreneur"),
    Candidate(id=6, name="Joyce", sector="education"),
    Candidate(id=7, name="Lotte", sector="resident"),
    Candidate(id=8, name="Sanne", sector="civil_society"),
    Candidate(id=9, name="Thijs", sector="entrepreneur", willing=False),
    Candidate(id=10, name="Peter", sector="resident", active=False),
]
WILLING_ACTIVE = {c.id for c in PEOPLE if c.willing and c.active}


def simulate(weeks=52, interval=7, decline=lambda n, cid: False):
    """Plan a plenary every `interval` weeks; a candidate who declines is skipped for that round."""
    history, hosts = [], []
    when = START
    n = 0
    while when < START + timedelta(weeks=weeks):
        declined = set()
        while True:
            proposal = propose_host(candidates=PEOPLE, history=history, declined_ids=declined, before=when)
            assert proposal.candidate is not None
            if decline(n, proposal.candidate.id):
                declined.add(proposal.candidate.id)
                continue
            break
        hosts.append((proposal.candidate.id, declined))
        history.append(Hosting(host_id=proposal.candidate.id, starts_at=when, sector=proposal.candidate.sector))
        when += timedelta(weeks=interval)
        n += 1
    return hosts


def assert_fair(hosts):
    """Each time, the host is one of those who hosted least among who could (willing, active, not
    the previous host, not declined this round): so nobody hosts twice before every willing member
    hosted once, except over someone who declined."""
    counts = dict.fromkeys(WILLING_ACTIVE, 0)
    previous = None
    for host_id, declined in hosts:
        could = WILLING_ACTIVE - declined - {previous}
        assert counts[host_id] == min(counts[c] for c in could), (host_id, counts, declined)
        counts[host_id] += 1
        previous = host_id


def test_a_year_of_plenaries_rotates_fairly():
    hosts = simulate(weeks=104, interval=6)
    assert len(hosts) >= 16
    assert_fair(hosts)
    ids = [h for h, _ in hosts]
    # Without declines: full rounds, each willing member exactly once per round of eight.
    for i in range(0, len(ids) - len(WILLING_ACTIVE) + 1, len(WILLING_ACTIVE)):
        assert set(ids[i:i + len(WILLING_ACTIVE)]) == WILLING_ACTIVE


def test_no_one_hosts_twice_in_a_row():
    ids = [h for h, _ in simulate(weeks=104, interval=6)]
    assert all(a != b for a, b in zip(ids, ids[1:], strict=False))


def test_unwilling_and_paused_members_never_host():
    ids = {h for h, _ in simulate(weeks=104, interval=6)}
    assert 9 not in ids and 10 not in ids


def test_decliners_are_skipped_for_that_round_and_come_back_later():
    rng = random.Random(7)
    hosts = simulate(weeks=104, interval=6, decline=lambda n, cid: rng.random() < 0.3)
    for host_id, declined in hosts:
        assert host_id not in declined
    assert any(declined for _, declined in hosts)
    assert_fair(hosts)


def test_someone_who_declined_is_first_in_line_next_round():
    first = propose_host(candidates=PEOPLE, history=[], before=START)
    after_decline = propose_host(candidates=PEOPLE, history=[], declined_ids={first.candidate.id}, before=START)
    assert after_decline.candidate.id != first.candidate.id
    history = [Hosting(host_id=after_decline.candidate.id, starts_at=START, sector=after_decline.candidate.sector)]
    next_round = propose_host(candidates=PEOPLE, history=history, before=START + timedelta(weeks=7))
    assert next_round.candidate.id == first.candidate.id


def test_prefers_a_sector_that_has_not_hosted_recently():
    history = [Hosting(host_id=3, starts_at=START, sector="entrepreneur")]
    candidates = [Candidate(id=3, name="Erik", sector="entrepreneur"),
                  Candidate(id=5, name="Aad", sector="entrepreneur"),
                  Candidate(id=8, name="Zoë", sector="civil_society")]
    proposal = propose_host(candidates=candidates, history=history, before=START + timedelta(weeks=7))
    # Aad comes first by name, but Zoë's sector has not hosted yet.
    assert proposal.candidate.id == 8
    assert "sector" in proposal.explanation


def test_only_previous_host_left_is_proposed_with_a_note():
    history = [Hosting(host_id=1, starts_at=START, sector="resident")]
    proposal = propose_host(candidates=[PEOPLE[0]], history=history, before=START + timedelta(weeks=7))
    assert proposal.candidate.id == 1
    assert "vorige" in proposal.explanation


def test_nobody_available_says_so():
    proposal = propose_host(candidates=[PEOPLE[8], PEOPLE[9]], history=[], before=START)
    assert proposal.candidate is None
    assert proposal.explanation


def test_explanation_names_whom_it_skipped_and_why():
    history = [Hosting(host_id=1, starts_at=START, sector="resident")]
    proposal = propose_host(candidates=PEOPLE, history=history, declined_ids={2}, before=START + timedelta(weeks=7))
    text = proposal.explanation
    assert proposal.candidate.name in text
    assert "Anouk (ontving de vorige keer)" in text
    assert "Bas (zei af voor deze bijeenkomst)" in text
    assert "Peter (gepauzeerd)" in text


def test_later_meetings_in_history_do_not_count_for_an_earlier_one():
    history = [Hosting(host_id=1, starts_at=START + timedelta(weeks=20), sector="resident")]
    proposal = propose_host(candidates=PEOPLE, history=history, before=START)
    assert proposal.candidate.id == 1 or 1 in {c.id for c in proposal.ranking}
