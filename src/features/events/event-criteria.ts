import { EventFilterInput } from '../../domain/event-filter';
import { InvalidArgumentError } from '../../domain/errors';
import { MAX_LIST_VALUES } from '../../domain/input-bounds';
import { localIdOf } from '../../domain/global-id';
import { partnerSlugsOf } from '../../domain/partner-slug';
import { EventCriteria } from './event-query';
import { dayCriterion } from './event-day';

const nonEmpty = <T>(list: T[] | null | undefined): T[] | null => (list && list.length ? list : null);

function checkNear(near: EventFilterInput['near']): void {
  if (!near) return;
  if (!(near.lat >= -90 && near.lat <= 90)) throw new InvalidArgumentError('filter.near.lat', near.lat, 'a latitude from -90 to 90');
  if (!(near.lon >= -180 && near.lon <= 180)) throw new InvalidArgumentError('filter.near.lon', near.lon, 'a longitude from -180 to 180');
  if (!(near.km > 0 && near.km <= 500)) throw new InvalidArgumentError('filter.near.km', near.km, 'a distance in km above 0 and at most 500');
}

/** The schema bounds filter lists too (input-checks.ts); this guards the feeds, which reach here without it. */
const MAX_FILTER_VALUES = MAX_LIST_VALUES;
const MAX_CATEGORY_LENGTH = 100;

function checkList(argument: string, list: unknown[] | null | undefined): void {
  if (list && list.length > MAX_FILTER_VALUES) throw new InvalidArgumentError(argument, `${list.length} values`, `at most ${MAX_FILTER_VALUES} values`);
}

/** PostgreSQL text cannot hold U+0000; refuse it as input instead of failing in the driver. */
function checkNoNul(argument: string, value: string | null | undefined): void {
  if (value && value.includes('\u0000')) throw new InvalidArgumentError(argument, value.replace(/\u0000/g, '\\0').slice(0, 40), 'text without NUL (U+0000) characters');
}

/** Validates a client's filter and decodes its ids; every error names the argument and the value. */
export function toEventCriteria(filter: EventFilterInput | null | undefined, now: Date): EventCriteria {
  const f = filter ?? {};
  const day = dayCriterion(f.on, f.timeZone);
  // A day asked for is shown whole, past hours included; otherwise the list starts now.
  const from = f.from ?? (day ? null : now);
  const to = f.to ?? null;
  if (to && from && to.getTime() < from.getTime()) {
    throw new InvalidArgumentError('filter.to', to.toISOString(), `an instant not before filter.from (${from.toISOString()})`);
  }
  checkNear(f.near);
  checkList('filter.partnerIds', f.partnerIds);
  checkList('filter.categories', f.categories);
  checkList('filter.kinds', f.kinds);
  checkList('filter.audiences', f.audiences);
  checkList('filter.status', f.status);
  checkNoNul('filter.text', f.text);
  for (const category of f.categories ?? []) {
    checkNoNul('filter.categories', category);
    if (category.length > MAX_CATEGORY_LENGTH) throw new InvalidArgumentError('filter.categories', `${category.slice(0, 20)}…`, `categories of at most ${MAX_CATEGORY_LENGTH} characters`);
  }
  const text = f.text?.trim() || null;
  if (text && text.length > 200) throw new InvalidArgumentError('filter.text', `${text.slice(0, 20)}…`, 'at most 200 characters');
  return {
    from,
    to,
    partnerIds: nonEmpty(f.partnerIds)?.map((id) => localIdOf('Partner', id, 'filter.partnerIds')) ?? null,
    partnerSlugs: partnerSlugsOf(f.partnerSlugs, 'filter.partnerSlugs', MAX_FILTER_VALUES),
    kinds: nonEmpty(f.kinds),
    audiences: nonEmpty(f.audiences),
    categories: nonEmpty(f.categories?.map((c) => c.trim()).filter(Boolean)),
    text,
    status: nonEmpty(f.status),
    near: f.near ?? null,
    day,
  };
}
