"""A strict reading of RFC 5545 (and, for METHOD:PUBLISH, RFC 5546) for what the portal writes, with
no library to forgive anything: the check that runs where libical is not installed.

problems(body, subscription=...) returns what is wrong, as readable lines; an empty list is a pass.
"""

import re
from dataclasses import dataclass, field

NAME = re.compile(r"[A-Za-z0-9-]+")
TEXT_PROPERTIES = {"SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "X-WR-CALNAME"}
ONCE_IN_EVENT = {"CLASS", "CREATED", "DESCRIPTION", "DTEND", "DURATION", "GEO", "LAST-MODIFIED", "LOCATION",
                 "ORGANIZER", "PRIORITY", "RECURRENCE-ID", "SEQUENCE", "STATUS", "SUMMARY", "TRANSP", "URL"}
VTIMEZONE_ALLOWED = {"TZID", "LAST-MODIFIED", "TZURL", "TZID-ALIAS-OF", "TZUNTIL"}
OBSERVANCE_REQUIRED = {"DTSTART", "TZOFFSETTO", "TZOFFSETFROM"}
OBSERVANCE_ALLOWED = OBSERVANCE_REQUIRED | {"COMMENT", "RDATE", "RRULE", "TZNAME"}


@dataclass
class Component:
    name: str
    properties: list = field(default_factory=list)  # (name, params dict, value)
    children: list = field(default_factory=list)

    def all(self, name):
        return [p for p in self.properties if p[0] == name]


def _split(line: str):
    """NAME;PARAM=a;PARAM="b:c":value, with quoted parameter values that may hold ':' and ';'."""
    match = NAME.match(line)
    if not match:
        raise ValueError(f"no property name: {line!r}")
    name, rest, params = match.group().upper(), line[match.end():], {}
    while rest.startswith(";"):
        param = re.match(r';([A-Za-z0-9-]+)=("[^"]*"|[^";:,]*(?:,(?:"[^"]*"|[^";:,]*))*)', rest)
        if not param:
            raise ValueError(f"bad parameter in {line!r}")
        params[param.group(1).upper()] = param.group(2).strip('"')
        rest = rest[param.end():]
    if not rest.startswith(":"):
        raise ValueError(f"no ':' after the name and parameters: {line!r}")
    return name, params, rest[1:]


def _parse(body: bytes, errors: list) -> Component | None:
    if not body.endswith(b"\r\n"):
        errors.append("the body does not end with CRLF")
    physical = body.split(b"\r\n")
    if physical[-1] == b"":
        physical.pop()
    logical: list[bytes] = []
    for number, raw in enumerate(physical, 1):
        if b"\n" in raw or b"\r" in raw:
            errors.append(f"line {number}: a bare LF or CR (lines must end with CRLF)")
        if len(raw) > 75:
            errors.append(f"line {number}: {len(raw)} octets, longer than 75 (fold it)")
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            errors.append(f"line {number}: not UTF-8 on its own (a fold splits a character)")
        if raw[:1] in (b" ", b"\t"):
            if not logical:
                errors.append("the first line is a continuation")
                continue
            logical[-1] += raw[1:]
        else:
            logical.append(raw)
    stack: list[Component] = []
    root = None
    for raw in logical:
        try:
            name, params, value = _split(raw.decode("utf-8", errors="replace"))
        except ValueError as exc:
            errors.append(str(exc))
            continue
        if name == "BEGIN":
            component = Component(value.upper())
            if stack:
                stack[-1].children.append(component)
            elif root is not None:
                errors.append(f"a second top-level component: {value}")
            else:
                root = component
            stack.append(component)
        elif name == "END":
            if not stack or stack[-1].name != value.upper():
                errors.append(f"END:{value} does not close {stack[-1].name if stack else 'anything'}")
                continue
            stack.pop()
        elif not stack:
            errors.append(f"{name} outside any component")
        else:
            stack[-1].properties.append((name, params, value))
    if stack:
        errors.append(f"not closed: {[c.name for c in stack]}")
    return root


def _text_ok(value: str) -> bool:
    """TEXT (3.3.11): ',' and ';' escaped, a backslash only before \\ ; , n N."""
    return re.fullmatch(r'(?:[^\\,;]|\\[\\;,nN])*', value) is not None


def _exactly_once(component: Component, names, errors, where):
    for name in names:
        count = len(component.all(name))
        if count != 1:
            errors.append(f"{where}: {name} {count} times, must be once")


def problems(body: bytes, *, subscription: bool) -> list[str]:
    errors: list[str] = []
    cal = _parse(body, errors)
    if cal is None or cal.name != "VCALENDAR":
        return [*errors, "no VCALENDAR"]
    _exactly_once(cal, ["VERSION", "PRODID"], errors, "VCALENDAR")
    if [v for _n, _p, v in cal.all("VERSION")] != ["2.0"]:
        errors.append("VERSION is not 2.0")
    methods = [v for _n, _p, v in cal.all("METHOD")]
    if subscription and methods:
        errors.append(f"METHOD:{methods[0]} in a subscription feed (it is a calendar, not an iTIP message)")
    if len(methods) > 1 or (methods and methods[0] != "PUBLISH"):
        errors.append(f"METHOD {methods}: only one PUBLISH is expected")
    tzids = set()
    for vtimezone in (c for c in cal.children if c.name == "VTIMEZONE"):
        _exactly_once(vtimezone, ["TZID"], errors, "VTIMEZONE")
        tzids.update(v for _n, _p, v in vtimezone.all("TZID"))
        for name, _params, _value in vtimezone.properties:
            if name not in VTIMEZONE_ALLOWED and not name.startswith("X-"):
                errors.append(f"VTIMEZONE: {name} is not a VTIMEZONE property")
        if not vtimezone.children:
            errors.append("VTIMEZONE without STANDARD or DAYLIGHT")
        for observance in vtimezone.children:
            if observance.name not in ("STANDARD", "DAYLIGHT"):
                errors.append(f"VTIMEZONE: {observance.name} inside")
                continue
            _exactly_once(observance, OBSERVANCE_REQUIRED, errors, f"VTIMEZONE/{observance.name}")
            for name, _params, _value in observance.properties:
                if name not in OBSERVANCE_ALLOWED and not name.startswith("X-"):
                    errors.append(f"VTIMEZONE/{observance.name}: {name} is not allowed there")
    uids = []
    for event in cal.children:
        if event.name == "VTIMEZONE":
            continue
        if event.name != "VEVENT":
            errors.append(f"{event.name} in the calendar")
            continue
        where = f"VEVENT {[v for _n, _p, v in event.all('UID')]}"
        _exactly_once(event, ["UID", "DTSTAMP", "DTSTART"], errors, where)
        uids += [v for _n, _p, v in event.all("UID")]
        for name in ONCE_IN_EVENT:
            if len(event.all(name)) > 1:
                errors.append(f"{where}: {name} more than once")
        if event.all("DTEND") and event.all("DURATION"):
            errors.append(f"{where}: both DTEND and DURATION")
        for _n, _p, value in event.all("DTSTAMP"):
            if not re.fullmatch(r"\d{8}T\d{6}Z", value):
                errors.append(f"{where}: DTSTAMP {value} is not a UTC date-time")
        for name, params, value in event.properties:
            if "TZID" in params and params["TZID"] not in tzids:
                errors.append(f"{where}: {name} refers to TZID {params['TZID']} without a VTIMEZONE")
            if name in TEXT_PROPERTIES and not _text_ok(value):
                errors.append(f"{where}: {name} is not escaped TEXT: {value!r}")
            if name in ("ORGANIZER", "ATTENDEE") and not re.fullmatch(r"mailto:[^@\s]+@[^@\s]+", value):
                errors.append(f"{where}: {name} {value!r} is not a mailto: address")
        for _n, _p, value in event.all("STATUS"):
            if value not in ("TENTATIVE", "CONFIRMED", "CANCELLED"):
                errors.append(f"{where}: STATUS {value} is not one of an event's")
        for _n, _p, value in event.all("TRANSP"):
            if value not in ("OPAQUE", "TRANSPARENT"):
                errors.append(f"{where}: TRANSP {value}")
        if methods == ["PUBLISH"]:
            if len(event.all("ORGANIZER")) != 1:
                errors.append(f"{where}: PUBLISH needs exactly one ORGANIZER (RFC 5546 3.2.1)")
            if event.all("ATTENDEE"):
                errors.append(f"{where}: ATTENDEE in PUBLISH (RFC 5546 3.2.1 does not allow it)")
    if len(uids) != len(set(uids)):
        errors.append("two events share a UID")
    for name, _params, value in cal.properties:
        if name in TEXT_PROPERTIES and not _text_ok(value):
            errors.append(f"VCALENDAR: {name} is not escaped TEXT: {value!r}")
    return errors
