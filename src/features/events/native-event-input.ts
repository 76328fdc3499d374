import { IANAZone } from 'luxon';
import { htmlToPlainText } from '../../datasources/shared/plain-text';
import { Audience, WaitlistMode } from '../../domain/enums';
import { InvalidArgumentError } from '../../domain/errors';
import { webUrl } from '../../domain/web-url';
import { checkPartyCategories, PartyCategory } from './party-categories';
import { MAX_EVENT_CATEGORIES, MAX_INVITE_HOURS, MAX_REMINDER_HOURS } from '../../domain/input-bounds';

/** What a partner may set on its own (NATIVE) event. Absent fields of an update keep their value. */
export interface NativeEventFields {
  title: string;
  description: string | null;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  locationId: string | null;
  audiences: Audience[];
  categories: string[];
  capacity: number | null;
  waitlistCapacity: number;
  maxPartySize: number;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  /** Hours before the start a registrant's reminder goes: null = the default (24), 0 = none. */
  reminderHours: number | null;
  /** Where registrants are asked how it went, an hour after it ends; null: not asked. */
  surveyUrl: string | null;
  waitlistMode: WaitlistMode;
  /** How long an INVITE waitlist's invitation lasts: null = the default (24). */
  inviteHours: number | null;
  /** The kinds of people its parties are counted by; null = the defaults (./party-categories.ts). */
  partyCategories: PartyCategory[] | null;
}

export const NATIVE_EVENT_FIELDS: (keyof NativeEventFields)[] = [
  'title', 'description', 'startsAt', 'endsAt', 'timezone', 'locationId', 'audiences', 'categories',
  'capacity', 'waitlistCapacity', 'maxPartySize', 'registrationOpensAt', 'registrationClosesAt', 'reminderHours', 'surveyUrl',
  'waitlistMode', 'inviteHours', 'partyCategories',
];

const MAX_SEATS = 100_000;

export function intIn(argument: string, value: number | null, min: number, max: number, nullMeans?: string): void {
  if (value === null && nullMeans) return;
  if (value === null || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidArgumentError(argument, value, `an integer from ${min} to ${max}${nullMeans ? `, or null for ${nullMeans}` : ''}`);
  }
}

/**
 * Checks the merged state of an event (the stored values overlaid with the input) and returns it
 * normalized: trimmed text, description reduced to plain text, categories de-duplicated.
 */
export function checkNativeEvent(fields: NativeEventFields): NativeEventFields {
  const title = fields.title.trim();
  if (title.length < 1 || title.length > 500) throw new InvalidArgumentError('input.title', fields.title, 'a title of 1 to 500 characters');
  const description = fields.description == null
    ? null
    : htmlToPlainText(fields.description);
  if (description && description.length > 10_000) throw new InvalidArgumentError('input.description', `${description.slice(0, 20)}…`, 'at most 10,000 characters');
  if (!(fields.endsAt.getTime() > fields.startsAt.getTime())) {
    throw new InvalidArgumentError('input.endsAt', fields.endsAt.toISOString(), `an instant after startsAt (${fields.startsAt.toISOString()})`);
  }
  if (!IANAZone.isValidZone(fields.timezone)) throw new InvalidArgumentError('input.timezone', fields.timezone, 'an IANA time zone such as America/Chicago');
  const categories = [...new Set(fields.categories.map((c) => c.trim()).filter(Boolean))];
  if (categories.length > MAX_EVENT_CATEGORIES || categories.some((c) => c.length > 64)) {
    throw new InvalidArgumentError('input.categories', fields.categories, `at most ${MAX_EVENT_CATEGORIES} categories of at most 64 characters`);
  }
  intIn('input.capacity', fields.capacity, 0, MAX_SEATS, 'no limit');
  intIn('input.waitlistCapacity', fields.waitlistCapacity, 0, MAX_SEATS);
  intIn('input.maxPartySize', fields.maxPartySize, 1, 100);
  intIn('input.reminderHours', fields.reminderHours, 0, MAX_REMINDER_HOURS, 'the default (24 hours)');
  const surveyUrl = fields.surveyUrl == null ? null : webUrl(fields.surveyUrl);
  if (fields.surveyUrl != null && (!surveyUrl || surveyUrl.length > 1000)) {
    throw new InvalidArgumentError('input.surveyUrl', fields.surveyUrl, 'an http(s) URL of at most 1,000 characters, or null for no survey email');
  }
  intIn('input.inviteHours', fields.inviteHours, 1, MAX_INVITE_HOURS, 'the default (24 hours)');
  if (fields.registrationOpensAt && fields.registrationClosesAt && fields.registrationClosesAt <= fields.registrationOpensAt) {
    throw new InvalidArgumentError('input.registrationClosesAt', fields.registrationClosesAt.toISOString(),
      `an instant after registrationOpensAt (${fields.registrationOpensAt.toISOString()})`);
  }
  return {
    ...fields, title, description, categories, surveyUrl, audiences: [...new Set(fields.audiences)],
    partyCategories: checkPartyCategories(fields.partyCategories),
  };
}

/** The stored values overlaid with what the input sets (undefined = keep; null = clear, where allowed). */
export function mergeFields(current: NativeEventFields, input: Partial<Record<keyof NativeEventFields, unknown>>): NativeEventFields {
  const merged = { ...current } as Record<string, unknown>;
  for (const key of NATIVE_EVENT_FIELDS) {
    if (input[key] !== undefined) merged[key] = input[key];
  }
  for (const key of ['title', 'startsAt', 'endsAt', 'timezone', 'audiences', 'categories', 'waitlistCapacity', 'maxPartySize', 'waitlistMode'] as const) {
    if (merged[key] === null) throw new InvalidArgumentError(`input.${key}`, null, 'a value (this field cannot be cleared)');
  }
  return merged as unknown as NativeEventFields;
}

/**
 * The fields an occurrence of a series keeps as its own after an edit of it alone: those it kept
 * already and those this input gives (even to the same value, as the partner chose it for this date).
 */
export function overriddenAfter(current: { overriddenFields: string[] | null }, input: Partial<Record<keyof NativeEventFields, unknown>>): string[] {
  const given = NATIVE_EVENT_FIELDS.filter((key) => input[key] !== undefined);
  return NATIVE_EVENT_FIELDS.filter((key) => given.includes(key) || (current.overriddenFields ?? []).includes(key));
}
