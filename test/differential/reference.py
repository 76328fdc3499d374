"""Independent reference for the iCalendar differential test (test/differential/icalendar-differential.test.ts).

Usage: reference.py FILE FROM TO DEFAULT_ZONE
  FROM, TO      UTC instants (ISO 8601, "Z"); occurrences whose start is in [FROM, TO) are printed
  DEFAULT_ZONE  IANA zone for floating times when the feed has no X-WR-TIMEZONE (as the sync does)

Prints one JSON object: {"error": str|null, "failed": [{"uid", "error"}], "occurrences": [...]}, each
occurrence {uid, start, end, allDay, status, recurrenceId, confident, floating}. Timed values are UTC
ISO 8601 ("2026-01-05T15:00:00Z"), all-day values dates with an exclusive end. recurrenceId is the
RECURRENCE-ID an instance has or would have (compact UTC, or YYYYMMDD for dates), null outside a series.
confident is false where the reference had to guess: a floating time, a TZID it could not resolve, or a
property of the event it could not parse.

It never exits with a traceback: a file it cannot read at all is {"error": "reference could not read: ..."}
and a VEVENT it cannot read (two DTSTARTs make icalendar return a list) is one "failed" entry for its UID,
so one odd file or event costs only itself, never the whole differential run.

Built on Debian's python3-icalendar, python3-recurring-ical-events and python3-dateutil only: it is the
"other implementation", so it must share no code or decision with ours beyond the floating-time zone.
"""
import datetime
import json
import sys
from collections import defaultdict

import icalendar
import icalendar.timezone_cache
import pytz
import recurring_ical_events

UTC = pytz.utc


def uid_of(event):
    """The UID, or None (JSON null, as ours reports a VEVENT without one) when the VEVENT has none."""
    uid = event.get('UID')
    return None if uid is None else str(uid)


def has_rule(event):
    """An RRULE with at least one part: "RRULE:" with nothing after it (calendarlabs.com exports) makes no
    series, and the library expands such an event once."""
    rules = event.get('RRULE')
    return any(rule for rule in (rules if isinstance(rules, list) else [rules]) if rule is not None)


def could_not_read(error):
    return 'reference could not read: %s: %s' % (type(error).__name__, error)


def parse_instant(text):
    return datetime.datetime.strptime(text.replace('.000', ''), '%Y-%m-%dT%H:%M:%SZ').replace(tzinfo=UTC)


def is_datetime(value):
    return isinstance(value, datetime.datetime)


class Reader:
    def __init__(self, calendar, default_zone):
        self.calendar = calendar
        zone = str(calendar.get('X-WR-TIMEZONE', '') or '').strip()
        try:
            self.floating_zone = pytz.timezone(zone) if zone else pytz.timezone(default_zone)
        except pytz.UnknownTimeZoneError:
            self.floating_zone = pytz.timezone(default_zone)
        self.series = set()
        self.guessed = set()
        self.floating = set()
        self.unreadable = {}
        for event in calendar.walk('VEVENT'):
            uid = uid_of(event)
            try:
                self.classify(uid, event)
            except Exception as error:
                self.unreadable[uid] = could_not_read(error)

    def classify(self, uid, event):
        """Notes what the comparison needs to know of one VEVENT (raises when icalendar cannot read it)."""
        if has_rule(event) or 'RDATE' in event or 'RECURRENCE-ID' in event:
            self.series.add(uid)
        # A property icalendar could not parse (event.errors) is dropped by it: the expansion is a guess.
        if event.errors or any(self.unresolved_tzid(event.get(name)) for name in ('DTSTART', 'DTEND', 'RECURRENCE-ID')):
            self.guessed.add(uid)
        start = event.get('DTSTART')
        if start is not None and is_datetime(start.dt) and start.dt.tzinfo is None and 'TZID' not in start.params:
            self.floating.add(uid)
        if start is not None and not is_datetime(start.dt) and 'DTEND' not in event and 'DURATION' not in event:
            # RFC 5545 §3.6.1: a DATE DTSTART with neither DTEND nor DURATION lasts one day; this
            # version of the library ends it at its start, so the rule is written out for it.
            event.add('DURATION', datetime.timedelta(days=1))

    def instant(self, value):
        """(UTC aware datetime or date, floating?)"""
        if not is_datetime(value):
            return value, False
        if value.tzinfo is None:
            return self.floating_zone.localize(value).astimezone(UTC), True
        return value.astimezone(UTC), False

    @staticmethod
    def iso(value):
        return value.strftime('%Y-%m-%dT%H:%M:%SZ') if is_datetime(value) else value.isoformat()

    @staticmethod
    def compact(value):
        return value.strftime('%Y%m%dT%H%M%SZ') if is_datetime(value) else value.strftime('%Y%m%d')

    @staticmethod
    def unresolved_tzid(prop):
        """A TZID that icalendar could not turn into a zone leaves a naive datetime (then read as floating)."""
        return prop is not None and 'TZID' in getattr(prop, 'params', {}) and is_datetime(prop.dt) and prop.dt.tzinfo is None

    def occurrence(self, event):
        uid = key = uid_of(event)
        start_prop = event['DTSTART']
        end_prop = event.get('DTEND') or event.get('DUE')
        start, floating = self.instant(start_prop.dt)
        end = self.instant(end_prop.dt)[0] if end_prop is not None else start
        all_day = not is_datetime(start_prop.dt)
        if all_day and is_datetime(end):
            end = end.date()
        rid_prop = event.get('RECURRENCE-ID')
        if rid_prop is not None:
            rid_value, _ = self.instant(rid_prop.dt)
            recurrence_id = self.compact(rid_value)
        elif key in self.series:
            recurrence_id = self.compact(start)
        else:
            recurrence_id = None
        status = event.get('STATUS')
        return {
            'uid': uid,
            'start': self.iso(start),
            'end': self.iso(end),
            'allDay': all_day,
            'status': str(status).upper() if status is not None else None,
            'recurrenceId': recurrence_id,
            'floating': floating,
            'confident': not floating and key not in self.guessed and key not in self.floating,
        }

    def expand(self, calendar, start, stop):
        # The library's span is inclusive and overlap-based; widen by two days and filter by start below.
        span = (start - datetime.timedelta(days=2)).date(), (stop + datetime.timedelta(days=2)).date()
        return [self.occurrence(e) for e in recurring_ical_events.of(calendar).between(span[0], span[1])]


def in_window(occurrence, start, stop):
    if occurrence['allDay']:
        # The harness compares only well inside the window, so a date's zone cannot move it across an edge.
        return start.date() <= datetime.date.fromisoformat(occurrence['start']) < stop.date()
    return start <= parse_instant(occurrence['start']) < stop


def per_uid_calendars(calendar):
    """One calendar per UID (keeping the VTIMEZONEs), so one event the library cannot handle costs only itself."""
    groups = defaultdict(list)
    for event in calendar.walk('VEVENT'):
        groups[uid_of(event)].append(event)
    for uid, events in groups.items():
        single = icalendar.Calendar()
        for key, value in calendar.items():
            single[key] = value
        for component in calendar.subcomponents:
            if component.name == 'VTIMEZONE':
                single.add_component(component)
        for event in events:
            single.add_component(event)
        yield uid, single


def answer(path, start_text, stop_text, default_zone):
    # icalendar keeps every VTIMEZONE it reads in a process-wide cache by TZID: in a batch, a zone of
    # one file would resolve another file's unknown TZID. Each file starts as in a fresh interpreter.
    icalendar.timezone_cache._timezone_cache.clear()
    try:
        return read(path, parse_instant(start_text), parse_instant(stop_text), default_zone)
    except Exception as error:  # anything this script did not foresee still costs only this file
        return {'error': could_not_read(error), 'failed': [], 'occurrences': []}


def main():
    if sys.argv[1:] == ['--batch']:
        # One interpreter for a whole run: a JSON job per input line, a JSON answer per output line.
        # Starting Python and importing the libraries costs more than reading most files.
        for line in sys.stdin:
            job = json.loads(line)
            print(json.dumps(answer(job['path'], job['from'], job['to'], job['zone'])), flush=True)
        return
    print(json.dumps(answer(*sys.argv[1:5])))


def read(path, start, stop, default_zone):
    result = {'error': None, 'failed': [], 'occurrences': []}
    try:
        with open(path, 'rb') as handle:
            calendar = icalendar.Calendar.from_ical(handle.read())
    except Exception as error:  # the reference cannot read the file at all
        result['error'] = could_not_read(error)
        return result
    reader = Reader(calendar, default_zone)
    # A VEVENT the library cannot read (two DTSTARTs) is reported for its UID and left out of the expansion.
    result['failed'] = [{'uid': uid, 'error': error} for uid, error in reader.unreadable.items()]
    calendar.subcomponents = [c for c in calendar.subcomponents
                              if not (c.name == 'VEVENT' and uid_of(c) in reader.unreadable)]
    try:
        occurrences = reader.expand(calendar, start, stop)
    except Exception:
        occurrences = []
        for uid, single in per_uid_calendars(calendar):
            try:
                occurrences.extend(reader.expand(single, start, stop))
            except Exception as error:
                result['failed'].append({'uid': uid, 'error': could_not_read(error)})
    result['occurrences'] = sorted((o for o in occurrences if in_window(o, start, stop)),
                                   key=lambda o: (o['start'], o['uid'] or '', o['recurrenceId'] or ''))
    return result


if __name__ == '__main__':
    main()
