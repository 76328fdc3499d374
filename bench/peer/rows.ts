/**
 * What the peer reads, as plain rows with exactly the columns the documents need, and the one
 * interface both backends implement (peer-sqlite.ts, peer-postgres.ts). Lists are one statement per
 * batch of keys, whatever the page size.
 */
export interface EventRow {
  id: string;
  partnerId: string;
  title: string;
  description: string | null;
  startsAt: string;
  endsAt: string;
  timezone: string;
  allDay: boolean | number;
  status: string;
  attendanceMode: string;
  audiences: string;
  rawAudiences: string;
  categories: string;
  url: string | null;
  imageUrl: string | null;
  locationId: string | null;
  registrationMode: string;
  registrationUrl: string | null;
  capacity: number | null;
  maxPartySize: number;
  confirmedCount: number;
  waitlistedCount: number;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
}

export interface PartnerRow { id: string; name: string; kind: string; website: string | null; timezone: string }
export interface LocationRow { id: string; name: string; address: string | null; lat: number | null; lon: number | null; accessibility: string | null }

export const EVENT_COLUMNS = ['id', 'partnerId', 'title', 'description', 'startsAt', 'endsAt', 'timezone', 'allDay', 'status', 'attendanceMode',
  'audiences', 'rawAudiences', 'categories', 'url', 'imageUrl', 'locationId', 'registrationMode', 'registrationUrl', 'capacity', 'maxPartySize',
  'confirmedCount', 'waitlistedCount', 'registrationOpensAt', 'registrationClosesAt'].map((c) => `"${c}"`).join(', ');
export const PARTNER_COLUMNS = '"id", "name", "kind", "website", "timezone"';
export const LOCATION_COLUMNS = '"id", "name", "address", "lat", "lon", "accessibility"';

export interface PeerStore {
  /** Events on at or after `from` (ending after it, or starting at it), by (startsAt, id), at most `limit`. */
  eventsPage(from: string, limit: number): EventRow[] | Promise<EventRow[]>;
  eventsByIds(ids: string[]): EventRow[] | Promise<EventRow[]>;
  partnersByIds(ids: string[]): PartnerRow[] | Promise<PartnerRow[]>;
  locationsByIds(ids: string[]): LocationRow[] | Promise<LocationRow[]>;
  close(): Promise<void>;
}
