import { Pool } from 'pg';
import { EVENT_COLUMNS, EventRow, LOCATION_COLUMNS, LocationRow, PARTNER_COLUMNS, PartnerRow, PeerStore } from './rows';

/** Named (server-side prepared) statements through a pg Pool; a batch of keys is one array parameter. */
export function postgresStore(url: string): PeerStore {
  const pool = new Pool({ connectionString: url, max: 10 });
  // An idle client the database terminates (the bench drops its database WITH (FORCE)) raises 'error'
  // on the pool; unhandled, that crashed a whole bench run. The next query opens a fresh client.
  pool.on('error', () => undefined);
  const query = async <T>(name: string, text: string, values: unknown[]): Promise<T[]> => (await pool.query({ name, text, values })).rows as T[];
  return {
    eventsPage: (from, limit) => query<EventRow>('peer_events_page',
      `SELECT ${EVENT_COLUMNS} FROM "event" WHERE ("endsAt" > $1 OR "startsAt" >= $1) ORDER BY "startsAt", "id" LIMIT $2`, [from, limit]),
    eventsByIds: (ids) => query<EventRow>('peer_events', `SELECT ${EVENT_COLUMNS} FROM "event" WHERE "id" = ANY($1)`, [ids]),
    partnersByIds: (ids) => query<PartnerRow>('peer_partners', `SELECT ${PARTNER_COLUMNS} FROM "partner" WHERE "id" = ANY($1)`, [ids]),
    locationsByIds: (ids) => query<LocationRow>('peer_locations', `SELECT ${LOCATION_COLUMNS} FROM "location" WHERE "id" = ANY($1)`, [ids]),
    close: () => pool.end(),
  };
}
