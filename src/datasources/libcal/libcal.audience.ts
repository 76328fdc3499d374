import { Audience } from '../../domain/enums';
import { AudienceRule, COMMON_AUDIENCE_RULES, mapAudiences } from '../shared/audience';

/**
 * LibCal audiences are each library's own list (Admin > Events > Audiences); these are the labels
 * US public libraries commonly configure, on top of the shared words and age ranges.
 */
export const LIBCAL_AUDIENCE_RULES: AudienceRule[] = [
  ...COMMON_AUDIENCE_RULES,
  { pattern: /\bearly literacy\b/, bands: [Audience.BABIES, Audience.TODDLERS, Audience.PRESCHOOL] },
  { pattern: /\b(school[- ]age|elementary)\b/, bands: [Audience.KIDS] },
  { pattern: /\bmiddle school\b/, bands: [Audience.TWEENS] },
  { pattern: /\b(55\+|50\+|older adults?)\b/, bands: [Audience.SENIORS] },
  { pattern: /\bintergenerational\b/, bands: [Audience.ALL_AGES] },
];

export const libcalAudiences = (labels: string[]): Audience[] => mapAudiences(labels, LIBCAL_AUDIENCE_RULES);
