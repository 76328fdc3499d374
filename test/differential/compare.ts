import { Occurrence, OurResult, ReferenceResult } from './occurrences';

/** One way the two sides disagree about one occurrence (or, for a UID the reference could not expand, all of it). */
export interface Divergence {
  file: string;
  uid: string | null;
  /** The instance: its recurrence id, or its start outside a series; "*" for a whole UID. */
  occurrence: string;
  kind: 'missing' | 'extra' | 'different' | 'reference-failed';
  ours?: Occurrence;
  reference?: Occurrence;
  detail?: string;
}

export interface KnownDivergence {
  file: string;
  uid: string | null;
  occurrence: string;
  why: string;
  rfc: string;
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
  // A UID the reference cannot expand is a divergence only when we made something of it (both rejecting it agrees).
  const divergences: Divergence[] = reference.failed
    .filter((f) => ours.occurrences.some((o) => o.uid === f.uid))
    .map((f) => ({ file, uid: f.uid, occurrence: '*', kind: 'reference-failed', detail: f.error }));
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
  return { divergences, confident, confidentRight, total, right };
}

/** A known entry names one occurrence, or "*" for every divergence of that UID in that file (one cause, one entry). */
export const sameDivergence = (d: Pick<Divergence, 'file' | 'uid' | 'occurrence'>, k: Pick<KnownDivergence, 'file' | 'uid' | 'occurrence'>) =>
  d.file === k.file && d.uid === k.uid && (k.occurrence === '*' || d.occurrence === k.occurrence);
