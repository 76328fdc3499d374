import ICAL from '../../datasources/icalendar/ical';
import { expandMaster, Timing } from '../../datasources/icalendar/icalendar-expand';
import { ZoneResolver } from '../../datasources/icalendar/icalendar-zones';
import { runAtOnce } from '../../event-loop';
import { InvalidArgumentError } from '../../domain/errors';

/** A partner's series is stored one row per occurrence; more than this is a feed, not a program. */
export const MAX_SERIES_OCCURRENCES = 200;

export interface OccurrenceTimes { startsAt: Date; endsAt: Date }

const ARGUMENT = 'input.recurrence';
const EXPECTED = `an RFC 5545 RRULE value with COUNT or UNTIL, such as FREQ=WEEKLY;BYDAY=TU;COUNT=8, of at most ${MAX_SERIES_OCCURRENCES} occurrences`;
const END_OF_TIME = new Date(Date.UTC(9999, 11, 31));

/** The RRULE, or BAD_USER_INPUT: ical.js reads some nonsense ("nonsense") as a rule without a frequency. */
function parseRule(recurrence: string): ICAL.Recur {
  let rule: ICAL.Recur;
  try {
    rule = ICAL.Recur.fromString(recurrence.trim().replace(/^RRULE:/i, ''));
  } catch {
    throw new InvalidArgumentError(ARGUMENT, recurrence, EXPECTED);
  }
  if (!rule.freq) throw new InvalidArgumentError(ARGUMENT, recurrence, EXPECTED);
  // Unbounded series would need rows without end; a bound over the limit is refused before expanding.
  if ((rule.count == null && rule.until == null) || (rule.count != null && rule.count > MAX_SERIES_OCCURRENCES)) {
    throw new InvalidArgumentError(ARGUMENT, recurrence, EXPECTED);
  }
  return rule;
}

/** The wall clock of an instant in `timezone`, as a DTSTART;TZID value. */
function wallTime(instant: Date, timezone: string, zones: ZoneResolver): ICAL.Time {
  return ICAL.Time.fromData({ ...zones.wallOf(instant, timezone), isDate: false });
}

/**
 * The occurrences of a native series, first one given by startsAt/endsAt, in the event's own zone:
 * the rule steps on the wall clock (a Tuesday 10:00 class stays at 10:00 across a DST change, RFC 5545
 * §3.3.10), each occurrence as long as the first. Expanded by the iCalendar adapter's own expansion
 * (UNTIL alignment, DTSTART as first instance), run on a VEVENT built from the input.
 */
export function expandSeries(recurrence: string, first: OccurrenceTimes, timezone: string): OccurrenceTimes[] {
  const rule = parseRule(recurrence);
  const zones = new ZoneResolver(new Map(), timezone);
  const vevent = new ICAL.Component('vevent');
  vevent.addPropertyWithValue('dtstart', wallTime(first.startsAt, timezone, zones)).setParameter('tzid', timezone);
  vevent.addPropertyWithValue('dtend', wallTime(first.endsAt, timezone, zones)).setParameter('tzid', timezone);
  vevent.addPropertyWithValue('rrule', rule);
  const timing = new Timing(vevent, zones);
  const { instances, capped } = runAtOnce(expandMaster(vevent, timing, { from: first.startsAt, to: END_OF_TIME }, MAX_SERIES_OCCURRENCES));
  if (capped || instances.length > MAX_SERIES_OCCURRENCES) throw new InvalidArgumentError(ARGUMENT, recurrence, EXPECTED);
  return instances.map((instance) => ({ startsAt: instance.start, endsAt: instance.end }));
}
