import type { IResolvers, MercuriusLoaders } from 'mercurius';
import type { EventRow, LocationRow, PartnerRow, PeerStore } from './rows';

/** What Community Graph answers, computed the short way: the same ids, cursors, seat rules and link rule. */
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
const cursorOf = (e: EventRow) => Buffer.from(`ev1|${e.startsAt}|${e.id}`, 'utf8').toString('base64url');
const decodeId = (id: string): [string, string] => {
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  return [text.slice(0, colon), text.slice(colon + 1)];
};

function webLink(value: string | null): string | null {
  if (!value || !value.trim()) return null;
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname ? value.trim() : null;
  } catch {
    return null;
  }
}

interface PeerContext { store: PeerStore; now: string }

declare module 'mercurius' {
  // What context() in peer-server.ts puts on every request.
  interface MercuriusContext extends PeerContext {}
}

function registration(e: EventRow, now: string) {
  const mode = e.registrationMode;
  const live = e.status !== 'CANCELLED' && e.status !== 'POSTPONED';
  const inWindow = (!e.registrationOpensAt || e.registrationOpensAt <= now) && (!e.registrationClosesAt || now < e.registrationClosesAt) && now < e.endsAt;
  return {
    mode,
    url: mode === 'EXTERNAL' ? webLink(e.registrationUrl) ?? webLink(e.url) : null,
    capacity: e.capacity,
    confirmed: e.confirmedCount,
    waitlisted: e.waitlistedCount,
    remaining: e.capacity == null || mode === 'NONE' ? null : Math.max(0, e.capacity - e.confirmedCount),
    isOpen: mode !== 'NONE' && live && inWindow,
    opensAt: e.registrationOpensAt,
    closesAt: e.registrationClosesAt,
    maxPartySize: e.maxPartySize,
  };
}

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

export const resolvers: IResolvers = {
  Query: {
    async events(_root, { first }: { first: number }, { store, now }: PeerContext) {
      const rows = await store.eventsPage(now, first + 1);
      const edges = rows.slice(0, first).map((node) => ({ cursor: cursorOf(node), node }));
      return { edges, pageInfo: { endCursor: edges.length ? edges[edges.length - 1].cursor : null, hasNextPage: rows.length > first } };
    },
    async event(_root, { id }: { id: string }, { store }: PeerContext) {
      const [type, local] = decodeId(id);
      return type === 'Event' ? (await store.eventsByIds([local]))[0] ?? null : null;
    },
    async node(_root, { id }: { id: string }, { store }: PeerContext) {
      const [type, local] = decodeId(id);
      const rows = type === 'Event' ? await store.eventsByIds([local]) : type === 'Partner' ? await store.partnersByIds([local])
        : type === 'Location' ? await store.locationsByIds([local]) : [];
      return rows[0] ? { ...rows[0], __typename: type } : null;
    },
  },
  Node: {
    resolveType: (row: { __typename: string }) => row.__typename,
  },
  Event: {
    id: (e: EventRow) => globalId('Event', e.id),
    allDay: (e: EventRow) => Boolean(e.allDay),
    audiences: (e: EventRow) => JSON.parse(e.audiences),
    rawAudiences: (e: EventRow) => JSON.parse(e.rawAudiences),
    categories: (e: EventRow) => JSON.parse(e.categories),
    url: (e: EventRow) => webLink(e.url),
    imageUrl: (e: EventRow) => webLink(e.imageUrl),
    registration: (e: EventRow, _args: unknown, { now }: PeerContext) => registration(e, now),
  },
  Partner: { id: (p: PartnerRow) => globalId('Partner', p.id) },
  Location: { id: (l: LocationRow) => globalId('Location', l.id) },
};

/** Organizer and place of every event of a request in one statement each (mercurius batches per field). */
export const loaders: MercuriusLoaders = {
  Event: {
    async organizer(queries: { obj: EventRow }[], { store }: PeerContext) {
      const partners = byId(await store.partnersByIds([...new Set(queries.map((q) => q.obj.partnerId))]));
      return queries.map((q) => partners.get(q.obj.partnerId));
    },
    async location(queries: { obj: EventRow }[], { store }: PeerContext) {
      const ids = [...new Set(queries.map((q) => q.obj.locationId).filter((id): id is string => id != null))];
      const locations = byId(ids.length ? await store.locationsByIds(ids) : []);
      return queries.map((q) => (q.obj.locationId ? locations.get(q.obj.locationId) ?? null : null));
    },
  },
};
