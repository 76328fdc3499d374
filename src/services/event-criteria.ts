import { EventFilterInput } from '../domain/event-filter';
import { InvalidArgumentError } from '../domain/errors';
import { localIdOf } from '../domain/global-id';
import { EventCriteria } from './event-query';

const nonEmpty = <T>(list: T[] | null | undefined): T[] | null => (list && list.length ? list : null);

function checkNear(near: EventFilterInput['near']): void {
  if (!near) return;
  if (!(near.lat >= -90 && near.lat <= 90)) throw new InvalidArgumentError('filter.near.lat', near.lat, 'a latitude from -90 to 90');
  if (!(near.lon >= -180 && near.lon <= 180)) throw new InvalidArgumentError('filter.near.lon', near.lon, 'a longitude from -180 to 180');
  if (!(near.km > 0 && near.km <= 500)) throw new InvalidArgumentError('filter.near.km', near.km, 'a distance in km above 0 and at most 500');
}

/** Validates a client's filter and decodes its ids; every error names the argument and the value. */
export function toEventCriteria(filter: EventFilterInput | null | undefined, now: Date): EventCriteria {
  const f = filter ?? {};
  const from = f.from ?? now;
  const to = f.to ?? null;
  if (to && to.getTime() < from.getTime()) {
    throw new InvalidArgumentError('filter.to', to.toISOString(), `an instant not before filter.from (${from.toISOString()})`);
  }
  checkNear(f.near);
  const text = f.text?.trim() || null;
  if (text && text.length > 200) throw new InvalidArgumentError('filter.text', `${text.slice(0, 20)}…`, 'at most 200 characters');
  return {
    from,
    to,
    partnerIds: nonEmpty(f.partnerIds)?.map((id) => localIdOf('Partner', id, 'filter.partnerIds')) ?? null,
    kinds: nonEmpty(f.kinds),
    audiences: nonEmpty(f.audiences),
    categories: nonEmpty(f.categories?.map((c) => c.trim()).filter(Boolean)),
    text,
    status: nonEmpty(f.status),
    near: f.near ?? null,
  };
}
