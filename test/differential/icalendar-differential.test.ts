import fs from 'node:fs';
import path from 'node:path';
import { CORPUS_DIR, corpusAvailable } from '../support/corpus';
import { compareFile, Divergence, FileComparison, loadKnownDivergences, sameDivergence, staleKnown, unexplained } from './compare';
import { OurSide, ReferenceSide, Window } from './occurrences';
import { itNeeding, needsCorpus } from '../support/needs';

/**
 * Differential test (issue 14): every .ics of the shared corpus, of test/fixtures/ics and of
 * DIFFERENTIAL_ICS_DIR goes through our sync's iCalendar adapter and through an independent reference
 * (Python icalendar + recurring-ical-events, reference.py), and the occurrences are compared one by
 * one. A difference is either fixed or listed, with its reason and RFC 5545 clause, in
 * known-divergences.json; anything else fails, and so does an entry that no longer diverges.
 */
interface Feed { label: string; file: string }

const DAY = 86_400_000;
/** Floating times are read in this zone on both sides (the sync uses the partner's zone). */
const PARTNER_ZONE = 'America/New_York';
const KNOWN = loadKnownDivergences(fs.readFileSync(path.join(__dirname, 'known-divergences.json'), 'utf8'));

function filesUnder(dir: string, recursive: boolean, only?: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return recursive ? filesUnder(full, true, only) : [];
    return !only || only.test(entry.name) ? [full] : [];
  }).sort();
}

/** Calendars from other parsers' test suites (issue 31; provenance in its MANIFEST.tsv): nobody here chose them. */
const WILD_DIR = path.join(CORPUS_DIR, 'ics-wild');
const wildFeeds: Feed[] = (corpusAvailable() ? filesUnder(WILD_DIR, false, /\.ics$/i) : []).map((file) => ({ label: `wild/${path.basename(file)}`, file }));
/** The wild corpus's known divergences may name at most this many of its files (see docs/partner-formats.md). */
const WILD_KNOWN_FILES_AT_MOST = 25;

const feeds: Feed[] = [
  ...(corpusAvailable() ? filesUnder(path.join(CORPUS_DIR, 'ics'), false, /\.ics$/i) : []).map((file) => ({ label: `corpus/ics/${path.basename(file)}`, file })),
  ...wildFeeds,
  ...filesUnder(path.join(__dirname, '../fixtures/ics'), false, /\.ics$/i).map((file) => ({ label: `fixtures/ics/${path.basename(file)}`, file })),
  ...(process.env.DIFFERENTIAL_ICS_DIR ? filesUnder(process.env.DIFFERENTIAL_ICS_DIR, true) : [])
    .map((file) => ({ label: `extra/${path.relative(process.env.DIFFERENTIAL_ICS_DIR!, file)}`, file })),
];

/**
 * The window: from a week before the year of the earliest VEVENT DTSTART to the end of the third year after
 * the latest one, the same [from, to) on start the sync uses. Only occurrences two days inside it are
 * compared, so a date's zone cannot move an all-day event across an edge on one side only.
 */
function windowOf(body: Buffer): { window: Window; inner: Window } {
  const events = body.toString('utf8').match(/^BEGIN:VEVENT[\s\S]*?^END:VEVENT/gim) ?? [];
  const years = events.flatMap((e) => [...e.matchAll(/^DTSTART[^:\r\n]*:(\d{4})/gim)].map((m) => Number(m[1])));
  const first = years.length ? Math.min(...years) : 2026;
  const last = years.length ? Math.max(...years) : 2026;
  const window = { from: new Date(Date.UTC(first, 0, 1) - 7 * DAY), to: new Date(Date.UTC(last + 3, 0, 1)) };
  return { window, inner: { from: new Date(window.from.getTime() + 2 * DAY), to: new Date(window.to.getTime() - 2 * DAY) } };
}

/** What the reference could not read is recorded (summary line, report), not compared: there is no second answer. */
const compared = (divergences: Divergence[]) => divergences.filter((d) => d.kind !== 'reference-failed');

const results = new Map<string, FileComparison & { skipped: string[]; referenceError: string | null }>();
let ours: OurSide;
const reference = new ReferenceSide();

beforeAll(async () => {
  ours = await new OurSide().start();
  for (const feed of feeds) {
    const body = fs.readFileSync(feed.file);
    const { window, inner } = windowOf(body);
    // The reference runs in its own process: both sides read the file at the same time.
    const [mine, theirs] = await Promise.all([ours.occurrences(body, window, PARTNER_ZONE), reference.occurrences(feed.file, window, PARTNER_ZONE)]);
    results.set(feed.label, {
      ...compareFile(feed.label, mine, theirs, inner),
      skipped: mine.error ? [mine.error] : mine.skipped.map((s) => s.reason),
      referenceError: theirs.error,
    });
  }
  const lines = ['corpus/', 'fixtures/', 'wild/', 'extra/'].map((group) => summaryOf(group, [...results].filter(([label]) => label.startsWith(group))))
    .filter((line): line is string => line !== null);
  const line = lines.join('\n');
  if (process.env.DIFFERENTIAL_REPORT) {
    fs.writeFileSync(process.env.DIFFERENTIAL_REPORT, JSON.stringify({ summary: line, files: Object.fromEntries(results) }, null, 2));
  }
  // eslint-disable-next-line no-console
  console.info(line);
}, 300_000);

afterAll(async () => {
  reference.close();
  await ours?.close();
});

type Result = FileComparison & { referenceError: string | null };

/** One group's figures (the shared corpus, our fixtures, the wild corpus, DIFFERENTIAL_ICS_DIR), or null when it did not run. */
function summaryOf(group: string, entries: [string, Result][]): string | null {
  if (!entries.length) return null;
  const all = entries.map(([, r]) => r);
  const sum = (f: (r: FileComparison) => number) => all.reduce((n, r) => n + f(r), 0);
  const divergences = all.flatMap((r) => compared(r.divergences));
  const count = (kind: Divergence['kind']) => divergences.filter((d) => d.kind === kind).length;
  const differing = all.filter((r) => compared(r.divergences).length).length;
  const explained = divergences.length - unexplained(divergences, KNOWN).length;
  const unreadUids = new Set(all.flatMap((r) => r.divergences.filter((d) => d.kind === 'reference-failed' && d.uid !== null).map((d) => `${d.file}\u0000${d.uid}`))).size;
  return `iCalendar differential, ${group}: ${entries.length} files; ${sum((r) => r.confidentRight)} of ${sum((r) => r.confident)} confident reference occurrences right, ${sum((r) => r.right)} of ${sum((r) => r.total)} in all; `
    + `${differing} files differ (${count('missing')} missing, ${count('extra')} extra, ${count('different')} different occurrences; ${explained} of them known divergences); `
    + `the reference could not read ${all.filter((r) => r.referenceError).length} files and ${unreadUids} UIDs we read`;
}

describe('iCalendar differential test against Python icalendar + recurring-ical-events', () => {
  itNeeding(needsCorpus(), 'has the shared corpus (fails in CI when COMMUNITY_GRAPH_CORPUS is missing)', () => {
    expect(feeds.filter((f) => f.label.startsWith('corpus/')).length).toBeGreaterThanOrEqual(13);
  });

  it('has the reference interpreter with icalendar and recurring-ical-events', () => {
    // Every file must have been answered by the reference (a missing module throws in beforeAll).
    expect(results.size).toBe(feeds.length);
  });

  itNeeding(needsCorpus(), 'has the wild corpus: 373 calendars from other parsers\' test suites', () => {
    expect(wildFeeds.length).toBe(373);
  });

  it.each(feeds.map((f) => f.label))('%s: every occurrence agrees or is a known divergence', (label) => {
    const result = results.get(label)!;
    expect(unexplained(compared(result.divergences), KNOWN)).toEqual([]);
  });

  it('records each file and UID the reference could not read, with the reference\'s error (nothing to compare there)', () => {
    const unread = [...results.values()].flatMap((r) => r.divergences.filter((d) => d.kind === 'reference-failed'));
    for (const d of unread) expect(d.detail).toMatch(/\S/);
    expect(KNOWN.filter((k) => unread.some((d) => sameDivergence(d, k)))).toEqual([]);
  });

  itNeeding(needsCorpus(), `names at most ${WILD_KNOWN_FILES_AT_MOST} of the wild corpus's files in the known divergences`, () => {
    const listed = new Set(KNOWN.filter((k) => k.file.startsWith('wild/')).map((k) => k.file));
    expect(listed.size).toBeLessThanOrEqual(WILD_KNOWN_FILES_AT_MOST);
  });

  it('lists only divergences that still occur, each with a reason and an RFC 5545 clause', () => {
    const ran = new Set(results.keys());
    const all = [...results.values()].flatMap((r) => compared(r.divergences));
    expect(staleKnown(KNOWN, all, ran)).toEqual([]);
    for (const k of KNOWN) {
      expect(k.why.length).toBeGreaterThan(20);
      expect(k.rfc).toMatch(/RFC 5545 §\d/);
    }
  });
});
