import Database from 'better-sqlite3';
import { EVENT_COLUMNS, EventRow, LOCATION_COLUMNS, LocationRow, PARTNER_COLUMNS, PartnerRow, PeerStore } from './rows';

/** better-sqlite3 prepared once; a batch of keys is one JSON array parameter (json_each). */
export function sqliteStore(file: string): PeerStore {
  const db = new Database(file, { readonly: true });
  const page = db.prepare(`SELECT ${EVENT_COLUMNS} FROM "event" WHERE ("endsAt" > ? OR "startsAt" >= ?) ORDER BY "startsAt", "id" LIMIT ?`);
  const events = db.prepare(`SELECT ${EVENT_COLUMNS} FROM "event" WHERE "id" IN (SELECT value FROM json_each(?))`);
  const partners = db.prepare(`SELECT ${PARTNER_COLUMNS} FROM "partner" WHERE "id" IN (SELECT value FROM json_each(?))`);
  const locations = db.prepare(`SELECT ${LOCATION_COLUMNS} FROM "location" WHERE "id" IN (SELECT value FROM json_each(?))`);
  return {
    eventsPage: (from, limit) => page.all(from, from, limit) as EventRow[],
    eventsByIds: (ids) => events.all(JSON.stringify(ids)) as EventRow[],
    partnersByIds: (ids) => partners.all(JSON.stringify(ids)) as PartnerRow[],
    locationsByIds: (ids) => locations.all(JSON.stringify(ids)) as LocationRow[],
    close: async () => { db.close(); },
  };
}
