import fs from 'node:fs';
import path from 'node:path';
import { compareFile, loadKnownDivergences, staleKnown, unexplained } from './compare';
import { Occurrence, OurResult, ReferenceOccurrence, ReferenceResult } from './occurrences';

/** The matcher of the differential test: a known entry explains only the occurrences it names. */
const FILE = 'fixtures/ics/series.ics';
const inner = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };
const at = (day: string, uid = 'series@t'): Occurrence => ({
  uid, start: `2026-03-${day}T18:40:28Z`, end: `2026-03-${day}T19:40:28Z`, allDay: false, status: 'SCHEDULED', recurrenceId: `202603${day}T184028Z`,
});
const ours = (...occurrences: Occurrence[]): OurResult => ({ error: null, skipped: [], occurrences });
const reference = (...occurrences: Occurrence[]): ReferenceResult => ({
  error: null, failed: [], occurrences: occurrences.map((o): ReferenceOccurrence => ({ ...o, confident: true })),
});
const entry = (occurrences: string[]) => ({ file: FILE, uid: 'series@t', occurrences, why: 'the reference rounds seconds away', rfc: 'RFC 5545 §3.3.14' });
const known = (...entries: object[]) => loadKnownDivergences(JSON.stringify(entries), 'test.json');

describe('known divergences: loader', () => {
  it('refuses a wildcard occurrence with an error naming the entry', () => {
    expect(() => known({ ...entry([]), occurrences: ['*'] })).toThrow(/test\.json entry 0 \(fixtures\/ics\/series\.ics series@t\): the wildcard "\*" is not accepted/);
  });

  it('refuses the old single "occurrence" field, and an entry naming no occurrence', () => {
    const { occurrences: _o, ...old } = entry([]);
    expect(() => known({ ...old, occurrence: '*' })).toThrow(/"occurrence" is replaced by "occurrences"/);
    expect(() => known(entry([]))).toThrow(/"occurrences" must list the occurrence ids/);
  });

  it('reads known-divergences.json: every entry names its occurrences', () => {
    const entries = loadKnownDivergences(fs.readFileSync(path.join(__dirname, 'known-divergences.json'), 'utf8'));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.flatMap((k) => k.occurrences).filter((o) => o.includes('*'))).toEqual([]);
  });
});

describe('known divergences: matcher', () => {
  const listed = known(entry(['20260302T184028Z']));
  const shifted = (o: Occurrence): Occurrence => ({ ...o, start: o.start.replace(':28Z', ':00Z') });

  it('accepts the difference of a named occurrence', () => {
    const { divergences } = compareFile(FILE, ours(at('02')), reference(shifted(at('02'))), inner);
    expect(divergences.map((d) => [d.occurrence, d.kind])).toEqual([['20260302T184028Z', 'different']]);
    expect(unexplained(divergences, listed)).toEqual([]);
  });

  it('fails a new difference in the same series that the entry does not name', () => {
    const { divergences } = compareFile(FILE, ours(at('02'), at('09')), reference(shifted(at('02')), shifted(at('09'))), inner);
    expect(unexplained(divergences, listed).map((d) => d.occurrence)).toEqual(['20260309T184028Z']);
  });

  it('fails an extra occurrence in a series the reference could not expand unless it is named', () => {
    const failed: ReferenceResult = { error: null, failed: [{ uid: 'series@t', error: 'TypeError' }], occurrences: [] };
    const { divergences } = compareFile(FILE, ours(at('02'), at('09')), failed, inner);
    expect(divergences.map((d) => [d.occurrence, d.kind])).toEqual([['20260302T184028Z', 'reference-failed'], ['20260309T184028Z', 'reference-failed']]);
    expect(unexplained(divergences, listed).map((d) => d.occurrence)).toEqual(['20260309T184028Z']);
  });

  it('reports a named occurrence that no longer diverges as stale', () => {
    const { divergences } = compareFile(FILE, ours(at('02')), reference(shifted(at('02'))), inner);
    const two = known(entry(['20260302T184028Z', '20260309T184028Z']));
    expect(staleKnown(two, divergences, new Set([FILE]))).toEqual([{ file: FILE, uid: 'series@t', occurrence: '20260309T184028Z' }]);
  });
});
