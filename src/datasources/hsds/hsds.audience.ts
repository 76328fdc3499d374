import { Audience } from '../../domain/enums';
import { AudienceRule, bandsForAgeRange, COMMON_AUDIENCE_RULES, mapAudiences, sortAudiences } from '../shared/audience';

/**
 * HSDS states ages as minimum_age / maximum_age; directories also tag audiences with taxonomy terms
 * (Open Eligibility "Seniors", AIRS/211 target populations "Youth", "Older Adults", "Families").
 */
export const HSDS_AUDIENCE_RULES: AudienceRule[] = [
  ...COMMON_AUDIENCE_RULES,
  { pattern: /\b(transition age youth|adolescents?)\b/, bands: [Audience.TEENS] },
  { pattern: /\bveterans?\b/, bands: [Audience.ADULTS] },
];

export function hsdsAudiences(minAge: number | null, maxAge: number | null, termNames: string[]): { audiences: Audience[]; rawAudiences: string[] } {
  const raw: string[] = [];
  const bands: Audience[] = [];
  if (minAge !== null || maxAge !== null) {
    raw.push(maxAge === null ? `${minAge}+` : `${minAge ?? 0}-${maxAge}`);
    bands.push(...bandsForAgeRange(minAge, maxAge));
  }
  const tagged = mapAudiences(termNames, HSDS_AUDIENCE_RULES.filter((r) => r.bands.length));
  if (tagged.length) raw.push(...termNames.filter((t) => mapAudiences([t], HSDS_AUDIENCE_RULES).length));
  return { audiences: sortAudiences([...bands, ...tagged]), rawAudiences: raw };
}
