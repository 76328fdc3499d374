import { Occurrence, OurResult, ReferenceResult } from './occurrences';

/** One way the two sides disagree about one occurrence (or, for a UID the reference could not expand, all of it). */
export interface Divergence {
  file: string;
  uid: string | null;
  /** The instance: its recurrence id, or its start outside a series; "*" only for a file the reference could not read. */
  occurrence: string;
  kind: 'missing' | 'extra' | 'different' | 'reference-failed';
  ours?: Occurrence;
  reference?: Occurrence;
  detail?: string;
}

/** An entry of known-divergences.json: the occurrences of one UID in one file that differ for one stated reason. */
export interface KnownDivergence {
  file: string;
  uid: string | null;
  /** Every occurrence id (recurrence id, or start outside a series) the entry explains; never "*". */
  occurrences: string[];
  why: string;
  rfc: string;
}

/**
 * Reads known-divergences.json and refuses what would accept more than it names: an entry without
 * occurrences, or a wildcard ("*" anywhere in an occurrence), so a new difference in a listed series fails.
 */
export function loadKnownDivergences(json: string, source = 'known-divergences.json'): KnownDivergence[] {
  const entries: unknown = JSON.parse(json);
  if (!Array.isArray(entries)) throw new Error(`${source}: expected an array of entries`);
  return entries.map((entry: Partial<KnownDivergence> & { occurrence?: unknown }, i) => {
    const where = `${source} entry ${i} (${entry.file} ${entry.uid})`;
    if ('occurrence' in entry) throw new Error(`${where}: "occurrence" is replaced by "occurrences", the list of occurrence ids the entry explains`);
    const occurrences = entry.occurrences;
    if (!Array.isArray(occurrences) || !occurrences.length || !occurrences.every((o) => typeof o === 'string' && o.length)) {
      throw new Error(`${where}: "occurrences" must list the occurrence ids (recurrence id, or start outside a series) the entry explains`);
    }
    const wild = occurrences.find((o) => o.includes('*'));
    if (wild !== undefined) {
      throw new Error(`${where}: the wildcard "${wild}" is not accepted; name each occurrence the entry explains, so a new difference in that series fails`);
    }
    if (typeof entry.file !== 'string' || (entry.uid !== null && typeof entry.uid !== 'string') || typeof entry.why !== 'string' || typeof entry.rfc !== 'string') {
      throw new Error(`${where}: an entry has file, uid (string or null), occurrences, why and rfc`);
    }
    return { file: entry.file, uid: entry.uid, occurrences, why: entry.why, rfc: entry.rfc };
  });
}

export interface FileComparison {
  divergences: Divergence[];
  /** Reference occurrences that are confident, and how many of those ours matched exactly. */
  confident: number;
  confidentRight: number;
  total: number;
  right: number;
}

const occurrenceId = (o: Occurrence) => o.recurrenceId ?? o.start;
const keyOf = (o: Occurrence) => `${o.uid}\u0000${occurrenceId(o)}`;
const FIELDS = ['start', 'end', 'allDay', 'status', 'recurrenceId'] as const;

/** Pairs occurrences by UID and instance; compares only those starting inside `inner` on either side. */
export function compareFile(file: string, ours: OurResult, reference: ReferenceResult, inner: { from: Date; to: Date }): FileComparison {
  const inside = (o: Occurrence) => {
    const t = o.allDay ? Date.parse(`${o.start}T12:00:00Z`) : Date.parse(o.start);
    return t >= inner.from.getTime() && t < inner.to.getTime();
  };
  const failedUids = new Set(reference.failed.map((f) => f.uid));
  // A UID the reference cannot expand is a divergence for each occurrence we made of it (both rejecting it agrees).
  const divergences: Divergence[] = reference.failed.flatMap((f) => ours.occurrences
    .filter((o) => o.uid === f.uid && inside(o))
    .map((o): Divergence => ({ file, uid: f.uid, occurrence: occurrenceId(o), kind: 'reference-failed', ours: o, detail: f.error })));
  const theirs = new Map(reference.occurrences.map((o) => [keyOf(o), o]));
  const mine = new Map(ours.occurrences.map((o) => [keyOf(o), o]));
  let confident = 0;
  let confidentRight = 0;
  let total = 0;
  let right = 0;
  for (const [key, ref] of theirs) {
    const our = mine.get(key);
    if (!inside(ref) && !(our && inside(our))) continue;
    total++;
    if (ref.confident) confident++;
    const { confident: _c, floating: _f, ...refOccurrence } = ref as typeof ref & { floating?: boolean };
    if (!our) {
      divergences.push({ file, uid: ref.uid, occurrence: occurrenceId(ref), kind: 'missing', reference: refOccurrence, detail: ours.error ?? undefined });
      continue;
    }
    const differing = FIELDS.filter((f) => our[f] !== ref[f]);
    if (differing.length) {
      divergences.push({ file, uid: ref.uid, occurrence: occurrenceId(ref), kind: 'different', ours: our, reference: refOccurrence, detail: differing.join(', ') });
      continue;
    }
    right++;
    if (ref.confident) confidentRight++;
  }
  if (reference.error && !ours.error) divergences.push({ file, uid: null, occurrence: '*', kind: 'reference-failed', detail: reference.error });
  for (const [key, our] of mine) {
    if (theirs.has(key) || !inside(our) || failedUids.has(our.uid) || reference.error) continue;
    divergences.push({ file, uid: our.uid, occurrence: occurrenceId(our), kind: 'extra', ours: our });
  }
  const relabelled = sameInstancesLabelledApart(divergences);
  for (const missing of relabelled) {
    right++;
    if (theirs.get(keyOf(missing.reference!))?.confident) confidentRight++;
  }
  return { divergences: divergences.filter((d) => !relabelled.includes(d) && !relabelled.some((m) => m.pairedWith === d)), confident, confidentRight, total, right };
}

type Paired = Divergence & { pairedWith?: Divergence };

/**
 * An instance both sides have, with the same start, end, all-day flag and status, but named by a
 * differently written RECURRENCE-ID: "20030610" for an all-day series against "20030609T160000Z" (the
 * same local day as a UTC date-time), which RFC 5545 §3.8.4.4 lets a producer write either way. It is
 * one occurrence, not a missing one and an extra one. Returns the "missing" side of each such pair.
 */
function sameInstancesLabelledApart(divergences: Paired[]): Paired[] {
  const same = (a: Occurrence, b: Occurrence) => a.uid === b.uid && a.start === b.start && a.end === b.end && a.allDay === b.allDay && a.status === b.status;
  const extras = divergences.filter((d) => d.kind === 'extra');
  const paired: Paired[] = [];
  for (const missing of divergences.filter((d) => d.kind === 'missing')) {
    const extra = extras.find((e) => !paired.some((p) => p.pairedWith === e) && same(e.ours!, missing.reference!));
    if (extra) paired.push(Object.assign(missing, { pairedWith: extra }));
  }
  return paired;
}

/** A known entry explains a divergence only of an occurrence it names (one cause, one entry, every occurrence named). */
export const sameDivergence = (d: Pick<Divergence, 'file' | 'uid' | 'occurrence'>, k: Pick<KnownDivergence, 'file' | 'uid' | 'occurrences'>) =>
  d.file === k.file && d.uid === k.uid && k.occurrences.includes(d.occurrence);

/** The divergences no known entry explains. */
export const unexplained = (divergences: Divergence[], known: KnownDivergence[]) => divergences.filter((d) => !known.some((k) => sameDivergence(d, k)));

/** The occurrences named by known entries (of files that ran) that no longer diverge. */
export function staleKnown(known: KnownDivergence[], divergences: Divergence[], ran: Set<string>): { file: string; uid: string | null; occurrence: string }[] {
  return known.filter((k) => ran.has(k.file)).flatMap((k) => k.occurrences
    .filter((occurrence) => !divergences.some((d) => sameDivergence(d, { ...k, occurrences: [occurrence] })))
    .map((occurrence) => ({ file: k.file, uid: k.uid, occurrence })));
}
