import fs from 'node:fs';
import { parseICalendar } from '../../../src/datasources/icalendar/icalendar.parse';
import { toNormalizedEvent } from '../../../src/datasources/icalendar/icalendar.map';
import { corpusAvailable, corpusFile } from '../../support/corpus';
import { describeNeeding, needsCorpus } from '../../support/needs';

/**
 * The real public feeds in the shared corpus (MANIFEST.tsv). Every file parses; where an
 * *.expected.json exists (computed by Python icalendar + recurring-ical-events), our occurrences match
 * it under the same window: per UID, starts within 730 days of its earliest DTSTART, first 60.
 *
 * Deliberate differences:
 * - floating times: the reference leaves them floating; we pin them to X-WR-TIMEZONE or the partner's
 *   zone (never silently UTC). The test passes 'UTC' as the partner zone so the two compare 1:1.
 * - a VEVENT without UID gets a stable synthetic UID from its DTSTART/SUMMARY/RRULE (the reference
 *   reports uid null), so re-syncs land on the same rows.
 */
type Expected = { uid: string | null; summary: string | null; start: string; end: string; allDay: boolean; status?: string; floating?: boolean };

const DAY = 86_400_000;
const files = corpusAvailable() ? fs.readdirSync(corpusFile('ics')).filter((f) => f.endsWith('.ics')).sort() : [];

describeNeeding(needsCorpus(), 'iCalendar corpus (real public feeds)', () => {
  it('is present (COMMUNITY_GRAPH_CORPUS)', () => {
    expect(files.length).toBeGreaterThanOrEqual(13);
  });

  it.each(files)('%s parses and matches its expected occurrences', (file) => {
    const raw = fs.readFileSync(corpusFile('ics', file));
    // Wide enough for the reference window (730 days after the latest DTSTART in the file), no wider.
    const latest = Math.max(...[...raw.toString('utf8').matchAll(/^DTSTART[^:\r\n]*:(\d{4})(\d{2})(\d{2})/gm)].map((m) => Date.UTC(+m[1], +m[2] - 1, +m[3])));
    const window = { from: new Date('1900-01-01T00:00:00Z'), to: new Date(latest + 732 * DAY) };
    const parsed = parseICalendar(raw, { defaultTimezone: 'UTC', window });
    parsed.occurrences.forEach((o) => expect(() => toNormalizedEvent(o)).not.toThrow());
    const expectedFile = corpusFile('ics', file.replace(/\.ics$/, '.expected.json'));
    if (!fs.existsSync(expectedFile)) return;
    const expected: Expected[] = JSON.parse(fs.readFileSync(expectedFile, 'utf8')).occurrences;
    const earliest = new Map<string, number>();
    for (const o of parsed.occurrences) earliest.set(o.uid, Math.min(earliest.get(o.uid) ?? Infinity, o.start.getTime()));
    const ours = [...earliest.keys()].flatMap((uid) => parsed.occurrences
      .filter((o) => o.uid === uid && o.start.getTime() < earliest.get(uid)! + 730 * DAY)
      .slice(0, 60))
      .map((o) => ({
        uid: o.uid.startsWith('no-uid-') ? null : o.uid,
        summary: o.summary,
        start: o.allDay ? o.startDate : o.start.toISOString().replace('.000Z', 'Z'),
        end: o.allDay ? o.endDate : o.end.toISOString().replace('.000Z', 'Z'),
        allDay: o.allDay,
      }));
    const theirs = expected.map((e) => ({
      uid: e.uid, summary: e.summary,
      start: e.floating ? `${e.start}Z` : e.start, end: e.floating ? `${e.end}Z` : e.end, allDay: e.allDay,
    }));
    const order = (a: { start: string | null; uid: string | null }, b: { start: string | null; uid: string | null }) =>
      String(a.start).localeCompare(String(b.start)) || String(a.uid).localeCompare(String(b.uid));
    expect(ours.sort(order)).toEqual(theirs.sort(order));
  });
});
