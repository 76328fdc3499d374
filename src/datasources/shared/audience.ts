import { Audience } from '../../domain/enums';

/**
 * The one audience vocabulary. Each source format keeps its own label table (in its folder) and
 * calls `mapAudiences(labels, table)`; age ranges written in labels ("Ages 3-5", "Grades 7-12",
 * "18+") and numeric min/max ages are mapped by the same rule everywhere, so "ages 3-5" means the
 * same bands whether a museum, LibCal or a 211 directory wrote it.
 */

/** Bands as half-open year ranges [from, to). Overlaps are deliberate: a 10-year-old is a KID and a TWEEN. */
const BANDS: { band: Audience; from: number; to: number }[] = [
  { band: Audience.BABIES, from: 0, to: 1.5 },
  { band: Audience.TODDLERS, from: 1.5, to: 3 },
  { band: Audience.PRESCHOOL, from: 3, to: 6 },
  { band: Audience.KIDS, from: 6, to: 13 },
  { band: Audience.TWEENS, from: 9, to: 13 },
  { band: Audience.TEENS, from: 13, to: 18 },
  { band: Audience.ADULTS, from: 18, to: 65 },
  { band: Audience.SENIORS, from: 65, to: Infinity },
];

/** Canonical order, so the same set always serializes the same way (content hashes stay stable). */
const ORDER = Object.values(Audience);

export function sortAudiences(bands: Iterable<Audience>): Audience[] {
  const set = new Set(bands);
  return ORDER.filter((band) => set.has(band));
}

/**
 * Bands for an inclusive age range in years (max null = open-ended). A range that starts in infancy
 * and has no upper limit is ALL_AGES; an open-ended range starting below 18 ("5+") covers every band
 * from its minimum through ADULTS, but not SENIORS, which a filter for seniors would only find as noise.
 */
export function bandsForAgeRange(min: number | null, max: number | null): Audience[] {
  const lo = Math.max(0, min ?? 0);
  if (max != null && max < lo) return [];
  if (lo <= 1 && (max == null || max >= 65)) return [Audience.ALL_AGES];
  if (max == null && lo >= 65) return [Audience.SENIORS];
  const hi = max == null ? 65 : max + 1;
  return BANDS.filter((b) => lo < b.to && hi > b.from).map((b) => b.band);
}

const GRADE_AGE = 5; // Kindergarten starts at about 5; grade g at about g + 5.

/** Reads an age range from a label: "Ages 3-5", "0-18 months", "Grades K-5", "18+", "12 and up", "under 5". */
export function ageRangeOf(label: string): { min: number | null; max: number | null } | null {
  const text = label.toLowerCase().replace(/[–—]/g, '-');
  const months = /(\d+)\s*(?:-|to)\s*(\d+)\s*(?:months?|mos?)\b/.exec(text);
  if (months) return { min: Number(months[1]) / 12, max: Number(months[2]) / 12 };
  const grades = /(?:grades?|gr\.?)\s*(k|\d{1,2})(?:\s*(?:-|to)\s*(k|\d{1,2}))?/.exec(text);
  if (grades) {
    const grade = (g: string) => (g === 'k' ? 0 : Number(g)) + GRADE_AGE;
    return { min: grade(grades[1]), max: grade(grades[2] ?? grades[1]) + 1 };
  }
  if (/\bk\s*-\s*12\b/.test(text)) return { min: 5, max: 18 };
  const range = /(\d{1,2})\s*(?:-|to)\s*(\d{1,3})/.exec(text);
  if (range) return { min: Number(range[1]), max: Number(range[2]) };
  const plus = /(\d{1,2})\s*(?:\+|and (?:up|over|older)|or older)/.exec(text);
  if (plus) return { min: Number(plus[1]), max: null };
  const under = /(?:under|younger than)\s*(\d{1,2})/.exec(text);
  if (under) return { min: 0, max: Number(under[1]) - 1 };
  return null;
}

/** One row of a format's label table: a pattern over the lower-cased label and the bands it means. */
export interface AudienceRule {
  pattern: RegExp;
  bands: Audience[];
}

/**
 * Maps a source's labels to bands: the format's table first (words such as "Families", "Teens"),
 * then any age range in the label. Unknown labels map to nothing (they stay in rawAudiences).
 */
export function mapAudiences(labels: string[], table: AudienceRule[]): Audience[] {
  const bands = new Set<Audience>();
  for (const label of labels) {
    const text = label.toLowerCase();
    for (const rule of table) if (rule.pattern.test(text)) rule.bands.forEach((b) => bands.add(b));
    const range = ageRangeOf(label);
    if (range) bandsForAgeRange(range.min, range.max).forEach((b) => bands.add(b));
  }
  return sortAudiences(bands);
}

/** Words most partners use; a format's table starts from these and adds its own vocabulary. */
export const COMMON_AUDIENCE_RULES: AudienceRule[] = [
  { pattern: /\b(babies|baby|infants?|newborns?)\b/, bands: [Audience.BABIES] },
  { pattern: /\btoddlers?\b/, bands: [Audience.TODDLERS] },
  { pattern: /\b(preschool(ers)?|pre-k)\b/, bands: [Audience.PRESCHOOL] },
  { pattern: /\b(kids|children|child|youth|juvenile|elementary)\b/, bands: [Audience.KIDS] },
  { pattern: /\btweens?\b/, bands: [Audience.TWEENS] },
  { pattern: /\b(teens?|teenagers?|young adults?|ya|high school)\b/, bands: [Audience.TEENS] },
  { pattern: /(?<!(young|older) )\b(adults?|grown-?ups)\b/, bands: [Audience.ADULTS] },
  { pattern: /\b(seniors?|older adults?|elders?|55\+|60\+|65\+)\b/, bands: [Audience.SENIORS] },
  { pattern: /\b(famil(y|ies)|parents?|caregivers?)\b/, bands: [Audience.FAMILIES] },
  { pattern: /\b(all ages|everyone|general public)\b/, bands: [Audience.ALL_AGES] },
];
