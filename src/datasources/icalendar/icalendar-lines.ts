import { AdapterError } from '../adapter';
import { runAtOnce, Steps } from '../../event-loop';
import { OnceOnlyProperties } from './icalendar-once-properties';

/**
 * A structural pass over the raw text before ical.js sees it, so errors can name the physical line
 * (ical.js reports none) and a few real-world quirks are repaired the same way every time.
 */
export interface ScannedFeed {
  /**
   * The text handed to ical.js (unfolded, CRLF/LF normalized, quirks repaired), per top-level
   * component (VCALENDAR): its own properties, then its children in batches of CHILDREN_PER_PART,
   * each a complete component of its own, so a 20,000-VEVENT feed is parsed in steps between
   * which the event loop can turn, not in one 200 ms call.
   */
  calendars: ScannedCalendar[];
  /** Physical line of each top-level VEVENT's BEGIN, in document order. */
  veventLines: number[];
  /** Top-level VEVENTs (by index) that cannot be used, with the reason naming the line: they are skipped, the feed is kept. */
  veventProblems: Map<number, string>;
  /** What was read leniently (a line ignored, a misspelt END), each naming its line: nothing was skipped for it. */
  notes: string[];
}

export interface ScannedCalendar {
  /** BEGIN:VCALENDAR, its properties, END:VCALENDAR. */
  header: string;
  /** BEGIN:VCALENDAR, a batch of its children (VTIMEZONE, VEVENT, ...) in document order, END:VCALENDAR. */
  parts: string[];
}

/** Children of a calendar per part: small enough that parsing one part is a few milliseconds. */
const CHILDREN_PER_PART = 200;
/** Lines scanned between two steps (see event-loop.ts). */
const LINES_PER_STEP = 500;

interface LogicalLine { text: string; line: number }

const utf8Length = (lead: number) => (lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1);

/**
 * UTF-8 bytes → text. Writers fold at 75 octets, and simple ones split a multi-byte character across
 * the fold ("Mitteleurop\xC3" CRLF SPACE "\xA4ische"); RFC 5545 §3.1 asks readers to restore it.
 * Decoding first would turn both halves into U+FFFD (a TZID that then matches no VTIMEZONE), so the
 * split bytes are moved past the fold before decoding. Physical lines stay where they were.
 */
export function decodeUtf8(body: Buffer): string {
  const out: Buffer[] = [];
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const lf = body[i] === 0x0a;
    if (!lf || (body[i + 1] !== 0x20 && body[i + 1] !== 0x09)) continue;
    const breakStart = i > 0 && body[i - 1] === 0x0d ? i - 1 : i;
    let lead = breakStart - 1;
    while (lead >= from && breakStart - lead <= 3 && (body[lead] & 0xc0) === 0x80) lead--;
    if (lead < from || body[lead] < 0xc0 || breakStart - lead >= utf8Length(body[lead])) continue;
    // body[lead..breakStart) is an incomplete character: emit the fold first, then those bytes.
    out.push(body.subarray(from, lead), body.subarray(breakStart, i + 2), body.subarray(lead, breakStart));
    from = i + 2;
    i++;
  }
  if (!out.length) return body.toString('utf8');
  out.push(body.subarray(from));
  return Buffer.concat(out).toString('utf8');
}

/** RFC 5545 §3.1: a line starting with a space or tab continues the previous one. */
function* unfold(raw: string): Steps<LogicalLine[]> {
  const physical = raw.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const out: LogicalLine[] = [];
  for (let i = 0; i < physical.length; i++) {
    const text = physical[i];
    if ((text.startsWith(' ') || text.startsWith('\t')) && out.length) out[out.length - 1].text += text.slice(1);
    else if (text.trim() !== '') out.push({ text, line: i + 1 });
    if (i % LINES_PER_STEP === 0) yield;
  }
  return out;
}

const CALENDAR_COMPONENT = /^BEGIN:(VEVENT|VTIMEZONE|VTODO|VJOURNAL|VFREEBUSY)$/i;

/**
 * Some producers write events without the VCALENDAR around them (exports of a single event, mail
 * clients' attachments, test suites of every iCalendar library): a body that starts with a calendar
 * component is read as the one calendar it means. Anything else (an HTML page, JSON) is still no feed.
 */
function wrapBareComponents(lines: LogicalLine[]): LogicalLine[] {
  if (!lines.length || !CALENDAR_COMPONENT.test(lines[0].text.trim())) return lines;
  const last = lines[lines.length - 1].line;
  return [{ text: 'BEGIN:VCALENDAR', line: 0 }, ...lines, { text: 'END:VCALENDAR', line: last }];
}

// Errors describe what a line is, never quote it: a Source's lastError is readable by the partner, and
// a URL that was not a feed (a redirect to a local file, an internal page) must not leak its bytes.
function notICalendar(first: LogicalLine): AdapterError {
  const head = first.text.trimStart();
  const kind = /^<(!doctype|html|\?xml|head|body)/i.test(head) ? ' It looks like an HTML/XML page (often an error or login page).'
    : /^[[{]/.test(head) ? ' It looks like JSON.' : '';
  return new AdapterError(`Not an iCalendar feed: line ${first.line} is not BEGIN:VCALENDAR.${kind}`);
}

export function scanFeed(raw: string): ScannedFeed {
  return runAtOnce(scanFeedSteps(raw));
}

/** scanFeed in steps (see event-loop.ts). */
export function* scanFeedSteps(raw: string): Steps<ScannedFeed> {
  const lines = wrapBareComponents(yield* unfold(raw));
  if (!lines.length) throw new AdapterError('Not an iCalendar feed: the body is empty, expected BEGIN:VCALENDAR.');
  if (lines[0].text.trim().toUpperCase() !== 'BEGIN:VCALENDAR') throw notICalendar(lines[0]);
  const stack: { name: string; line: number }[] = [];
  const veventLines: number[] = [];
  const veventProblems = new Map<number, string>();
  const out = new CalendarParts();
  const onceOnly = new OnceOnlyProperties();
  const notes: string[] = [];
  for (const [i, entry] of lines.entries()) {
    if (i % LINES_PER_STEP === 0) yield;
    let text = entry.text;
    const colon = findValueColon(text);
    if (colon < 0) {
      // Inside an event such a line is text broken by an unescaped newline, or a writer's stray token
      // ("X", "SUMMARY=testevent", ORGANIZER="mailto:..."): it holds nothing we can read, and the
      // event's other lines are intact, so only the line is dropped. Outside an event it is no feed.
      if (!(stack.length >= 2 && stack[1].name === 'VEVENT')) {
        throw new AdapterError(`Malformed iCalendar at line ${entry.line}: the line has no ":" between name and value.`);
      }
      notes.push(`Line ${entry.line} has no ":" between name and value and was ignored; the rest of the VEVENT starting at line ${stack[1].line} was read.`);
      continue;
    }
    const name = text.slice(0, colon).split(';')[0].trim().toUpperCase();
    let value = text.slice(colon + 1).trim();
    const inVevent = stack.length === 2 && stack[1].name === 'VEVENT';
    const repeated = inVevent ? onceOnly.check(name, text, entry.line) : null;
    if (repeated && !veventProblems.has(veventLines.length - 1)) veventProblems.set(veventLines.length - 1, repeated);
    if (name === 'BEGIN') {
      if (value.toUpperCase() === 'VEVENT' && stack.length === 1) {
        veventLines.push(entry.line);
        onceOnly.reset();
      }
      stack.push({ name: value.toUpperCase(), line: entry.line });
      out.begin(text, stack.length);
      continue;
    } else if (name === 'END') {
      const open = stack.pop();
      if (open && open.name !== value.toUpperCase() && misspeltEnd(value, stack)) {
        notes.push(`Line ${entry.line}: END:${value} names no component; read as END:${open.name}, closing the BEGIN of line ${open.line}.`);
        text = `END:${open.name}`;
      } else if (!open || open.name !== value.toUpperCase()) {
        throw new AdapterError(`Malformed iCalendar at line ${entry.line}: END:${value} ${open ? `does not close BEGIN:${open.name} from line ${open.line}` : 'has no matching BEGIN'}.`);
      }
      out.end(text, stack.length + 1);
      continue;
    } else if (name === 'RRULE') {
      // Exchange CDO writes "BYDAY=MO, TU, WE" (and folds inside the list): whitespace carries no meaning in a rule.
      value = value.replace(/\s+/g, '');
      text = `${text.slice(0, colon + 1)}${value}`;
      // Calendar exporters (calendarlabs.com holiday feeds) write "RRULE:" with nothing after it on events
      // that do not repeat. An empty rule names no FREQ and says nothing: the event is one occurrence.
      if (value === '') continue;
      // ical.js would accept some broken rules and silently expand them wrongly; a wrong series is worse
      // than none, so that VEVENT is skipped with the reason (the rest of the feed is kept).
      const problem = rruleProblem(value);
      if (problem) {
        const where = stack.length ? ` in the ${stack[stack.length - 1].name} starting at line ${stack[stack.length - 1].line}` : '';
        const message = `Invalid RRULE at line ${entry.line}${where}: ${problem}`;
        // Outside a VEVENT (a VTIMEZONE rule) every event in that zone would be wrong: the feed fails.
        if (!inVevent) throw new AdapterError(message);
        veventProblems.set(veventLines.length - 1, message);
        continue;
      }
    } else if (/^(TZOFFSETFROM|TZOFFSETTO)$/.test(name)) {
      // RFC 5545 §3.3.14 allows seconds (LMT: +001932); some writers add colons (+00:19:32, +0019:32).
      const m = /^([+-])(\d{2}):?(\d{2})(?::?(\d{2}))?$/.exec(value);
      if (m) text = `${text.slice(0, colon + 1)}${m[1]}${m[2]}${m[3]}${m[4] && m[4] !== '00' ? m[4] : ''}`;
    } else if (/^(DTSTART|DTEND|RECURRENCE-ID|EXDATE|RDATE)$/.test(name) && /VALUE=DATE(?!-)/i.test(text.slice(0, colon))) {
      // Some exporters write VALUE=DATE with a time part ("20260301T000000"); keep the date, as the parameter says.
      text = `${text.slice(0, colon + 1)}${value.split(',').map((v) => v.trim().replace(/^(\d{8})T\d{6}Z?$/, '$1')).join(',')}`;
    } else if (SINGLE_DATE_PROPERTIES.test(name) && !/;VALUE=/i.test(text.slice(0, colon)) && DATE_SHAPED.test(value)) {
      // RFC 5545 §3.3.4/§3.3.5: a DATE needs VALUE=DATE, but Google's holiday calendars write
      // "DTSTART;TZID=America/Los_Angeles:20041225" and old exporters a bare "DTSTART:20041225". A
      // date-time always has "T": the value is a date, read as all-day (as Google, Outlook and the reference do).
      text = `${text.slice(0, colon)};VALUE=DATE:${value}`;
    } else if ((name === 'EXDATE' || name === 'RDATE') && !/;VALUE=/i.test(text.slice(0, colon))) {
      // A list mixing dates and date-times ("EXDATE:20260512,20260519T150000Z") is split into one line per type.
      const values = value.split(',').map((v) => v.trim()).filter(Boolean);
      const dates = values.filter((v) => /^\d{8}$/.test(v));
      if (dates.length && dates.length < values.length) {
        const params = text.slice(name.length, colon).replace(/;TZID=("[^"]*"|[^;:]*)/i, '');
        out.property(`${name}${params};VALUE=DATE:${dates.join(',')}`, stack.length);
        text = `${text.slice(0, colon + 1)}${values.filter((v) => !dates.includes(v)).join(',')}`;
      } else if (dates.length) {
        text = `${text.slice(0, colon)};VALUE=DATE:${value}`;
      }
    }
    out.property(text, stack.length);
  }
  if (stack.length) {
    const open = stack[stack.length - 1];
    throw new AdapterError(`Truncated iCalendar feed: BEGIN:${open.name} at line ${open.line} is never closed (the feed ends at line ${lines[lines.length - 1].line}).`);
  }
  return { calendars: out.calendars(), veventLines, veventProblems, notes };
}

/**
 * Sorts scanned lines into ScannedCalendars by depth (1: a calendar's own BEGIN, properties and END;
 * 2 and deeper: its children, BEGIN to END, kept whole in one part).
 */
class CalendarParts {
  private readonly open: { begin: string; end: string; properties: string[]; batches: string[][]; children: number }[] = [];

  begin(text: string, depth: number): void {
    if (depth === 1) {
      this.open.push({ begin: text, end: '', properties: [], batches: [], children: 0 });
      return;
    }
    const calendar = this.current();
    if (depth === 2 && calendar.children++ % CHILDREN_PER_PART === 0) calendar.batches.push([]);
    this.child(text);
  }

  end(text: string, depth: number): void {
    if (depth === 1) this.current().end = text;
    else this.child(text);
  }

  property(text: string, depth: number): void {
    if (depth <= 1) this.current().properties.push(text);
    else this.child(text);
  }

  calendars(): ScannedCalendar[] {
    const wrap = (c: { begin: string; end: string }, lines: string[]) => `${[c.begin, ...lines, c.end].join('\r\n')}\r\n`;
    return this.open.map((c) => ({ header: wrap(c, c.properties), parts: c.batches.map((batch) => wrap(c, batch)) }));
  }

  private current() {
    return this.open[this.open.length - 1];
  }

  private child(text: string): void {
    const batches = this.current().batches;
    batches[batches.length - 1].push(text);
  }
}

/** Component names of RFC 5545 §3.6 and the RFCs that add components (7953 availability, 9073 locations and resources). */
const KNOWN_COMPONENTS = new Set(['VCALENDAR', 'VEVENT', 'VTODO', 'VJOURNAL', 'VFREEBUSY', 'VTIMEZONE', 'STANDARD', 'DAYLIGHT', 'VALARM',
  'VAVAILABILITY', 'AVAILABLE', 'VLOCATION', 'VRESOURCE', 'PARTICIPANT']);

/**
 * "END:VCALENDARD", "END:VTOOD": a name that is no component at all (neither registered nor an
 * X-/IANA name that is open) can only be a misspelling of the component it stands where the END of,
 * so it closes the innermost one. An END naming another real component is a structural error.
 */
function misspeltEnd(value: string, stillOpen: { name: string }[]): boolean {
  const name = value.toUpperCase();
  return !KNOWN_COMPONENTS.has(name) && !/^X-/.test(name) && !stillOpen.some((c) => c.name === name);
}

/** The colon that ends the name/parameters, skipping colons inside quoted parameter values (TZID="a:b"). */
function findValueColon(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === ':' && !quoted) return i;
  }
  return -1;
}

/** Properties holding one DATE or DATE-TIME (EXDATE / RDATE lists are split by type separately). */
const SINGLE_DATE_PROPERTIES = /^(DTSTART|DTEND|DUE|RECURRENCE-ID)$/;
const DATE_SHAPED = /^\d{8}$/;

const FREQS = new Set(['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
const DAY = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;
const INT_LIST = (min: number, max: number) => (v: string) => v.split(',').every((x) => /^[+-]?\d+$/.test(x) && Math.abs(Number(x)) >= min && Math.abs(Number(x)) <= max);
const CHECKS: Record<string, (v: string) => boolean> = {
  FREQ: (v) => FREQS.has(v),
  UNTIL: (v) => /^\d{8}(T\d{6}Z?)?$/.test(v),
  COUNT: (v) => /^\d+$/.test(v) && Number(v) > 0,
  INTERVAL: (v) => /^\d+$/.test(v) && Number(v) > 0,
  BYSECOND: INT_LIST(0, 60), BYMINUTE: INT_LIST(0, 59), BYHOUR: INT_LIST(0, 23),
  BYDAY: (v) => v.split(',').every((d) => DAY.test(d)),
  BYMONTHDAY: INT_LIST(1, 31), BYYEARDAY: INT_LIST(1, 366), BYWEEKNO: INT_LIST(1, 53), BYMONTH: INT_LIST(1, 12), BYSETPOS: INT_LIST(1, 366),
  WKST: (v) => DAY.test(v) && !/\d/.test(v),
};

/** RFC 5545 §3.3.10; returns what is wrong, or null. */
export function rruleProblem(value: string): string | null {
  const parts = value.split(';').filter(Boolean);
  const seen = new Set<string>();
  for (const part of parts) {
    const [key, v] = part.split('=');
    const name = key?.toUpperCase();
    if (!name || v === undefined) return `part ${parts.indexOf(part) + 1} is not NAME=VALUE.`;
    if (seen.has(name)) return `${name} appears twice.`;
    seen.add(name);
    const check = CHECKS[name];
    if (check && !check(v.toUpperCase())) return `${name}=${v} is not a valid value.`;
  }
  if (!seen.has('FREQ')) return 'FREQ is missing.';
  if (seen.has('UNTIL') && seen.has('COUNT')) return 'UNTIL and COUNT must not both be set.';
  return null;
}
