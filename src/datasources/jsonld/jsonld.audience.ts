import { Audience } from '../../domain/enums';
import { AudienceRule, bandsForAgeRange, COMMON_AUDIENCE_RULES, mapAudiences, sortAudiences } from '../shared/audience';
import { JsonObject } from './jsonld.parse';
import { asArray, isObject, numberOf, textOf } from './jsonld.values';

/**
 * schema.org's audience vocabulary: `typicalAgeRange` ("7-12", "18+"), `audience` as text or an
 * Audience / PeopleAudience / EducationalAudience with audienceType and suggestedMin/MaxAge, and
 * the ChildrensEvent type itself.
 */
export const JSONLD_AUDIENCE_RULES: AudienceRule[] = [
  ...COMMON_AUDIENCE_RULES,
  { pattern: /^childrensevent$/, bands: [Audience.KIDS, Audience.FAMILIES] },
  { pattern: /\bstudents?\b/, bands: [Audience.KIDS, Audience.TEENS] },
];

export function audiencesOf(node: JsonObject, types: string[]): { audiences: Audience[]; rawAudiences: string[] } {
  const raw: string[] = [];
  const bands: Audience[] = [];
  const ageRange = textOf(node.typicalAgeRange);
  if (ageRange) raw.push(ageRange);
  for (const audience of asArray(node.audience)) {
    if (typeof audience === 'string' && audience.trim()) raw.push(audience.trim());
    if (!isObject(audience)) continue;
    const label = textOf(audience.audienceType) ?? textOf(audience.name);
    if (label) raw.push(label);
    const min = numberOf(audience.suggestedMinAge);
    const max = numberOf(audience.suggestedMaxAge);
    if (min !== null || max !== null) {
      bands.push(...bandsForAgeRange(min, max));
      if (!label) raw.push(max === null ? `${min}+` : `${min ?? 0}-${max}`);
    }
  }
  const stated = sortAudiences([...bands, ...mapAudiences(raw, JSONLD_AUDIENCE_RULES)]);
  // The ChildrensEvent type is a fallback: stated ages ("1-3") are more precise than "for children".
  const typeLabels = types.filter((t) => t === 'ChildrensEvent').map((t) => t.toLowerCase());
  return { audiences: stated.length ? stated : mapAudiences(typeLabels, JSONLD_AUDIENCE_RULES), rawAudiences: raw };
}
