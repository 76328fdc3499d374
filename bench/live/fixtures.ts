import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Agent, Dispatcher, fetch } from 'undici';
import { parseDatabaseUrl } from '../../src/config';
import { openDatabase } from '../../src/db/data-source';
import { AttendanceMode, EventStatus, PartnerKind, RegistrationMode } from '../../src/domain/enums';
import { localIdOf, toGlobalId } from '../../src/domain/global-id';
import { newId } from '../../src/domain/ids';
import { heldSeats } from '../../src/features/events/seat-holds';
import { EventEntity } from '../../src/model/event.entity';
import { PartnerEntity } from '../../src/model/partner.entity';

/** One partner with `count` NATIVE events of the given capacity, written straight to the database. */
export async function createBenchEvents(databaseUrl: string, count: number, seats: { capacity: number; waitlist: number }): Promise<string[]> {
  const db: DataSource = await openDatabase(parseDatabaseUrl(databaseUrl));
  try {
    const now = new Date();
    const partner = db.getRepository(PartnerEntity).create({
      id: newId(), slug: `bench-${newId().slice(0, 8)}`, name: 'Bench Library', kind: PartnerKind.LIBRARY, website: null, timezone: 'America/Chicago', createdAt: now,
    });
    await db.getRepository(PartnerEntity).insert(partner);
    const events = Array.from({ length: count }, (_, i) => db.getRepository(EventEntity).create({
      id: newId(), partnerId: partner.id, seriesId: null, title: `Bench event ${i + 1}`, description: null,
      startsAt: new Date(now.getTime() + 86_400_000), endsAt: new Date(now.getTime() + 90_000_000), timezone: 'America/Chicago',
      allDay: false, startDate: null, endDate: null, status: EventStatus.SCHEDULED, attendanceMode: AttendanceMode.OFFLINE,
      audiences: [], rawAudiences: [], categories: [], url: null, imageUrl: null, locationId: null,
      registrationMode: RegistrationMode.NATIVE, registrationUrl: null, capacity: seats.capacity, waitlistCapacity: seats.waitlist,
      maxPartySize: 1, confirmedCount: 0, waitlistedCount: 0, attendedCount: 0, registrationOpensAt: null, registrationClosesAt: null,
      sourceId: null, externalId: null, contentHash: null, fetchedAt: null, removedAt: null, sequence: 0, createdAt: now, updatedAt: now,
    }));
    await db.getRepository(EventEntity).insert(events);
    return events.map((e) => toGlobalId('Event', e.id));
  } finally {
    await db.destroy();
  }
}

export const REGISTER = 'mutation($input: RegisterInput!) { register(input: $input) { __typename ... on RegistrationTicket { registration { status } } ... on RegistrationRejected { code } } }';

/** One GraphQL POST; `dispatcher` picks the connection pool (default: undici's global one). */
async function postGraphql(url: string, body: unknown, dispatcher?: Dispatcher): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), dispatcher,
  });
  return await response.json() as { data?: Record<string, unknown>; errors?: unknown[] };
}

/**
 * One registration over HTTP, on the seats of `holdId` when given; resolves with CONFIRMED, WAITLISTED
 * or the rejection code.
 */
export async function registerOnce(url: string, eventId: string, n: number, dispatcher?: Dispatcher, holdId?: string): Promise<string> {
  const input = { eventId, name: `Bench ${n}`, email: `bench${n}-${process.pid}@example.org`, holdId };
  const json = await postGraphql(url, { query: REGISTER, variables: { input } }, dispatcher);
  if (!json.data) throw new Error(`register failed: ${JSON.stringify(json.errors)}`);
  const register = json.data.register as { registration?: { status: string }; code?: string };
  return register.registration?.status ?? register.code!;
}

export const HOLD_SEATS = 'mutation($input: HoldSeatsInput!) { holdSeats(input: $input) { __typename ... on SeatHold { holdId expiresAt } ... on RegistrationRejected { code } } }';

export type HoldAnswer = { holdId: string; expiresAt: Date } | { code: string };

/** One seat held over HTTP for a party of one: the hold, or the rejection code (WAITLIST_ONLY, EVENT_FULL...). */
export async function holdSeatOnce(url: string, eventId: string, dispatcher?: Dispatcher): Promise<HoldAnswer> {
  const json = await postGraphql(url, { query: HOLD_SEATS, variables: { input: { eventId, partySize: 1 } } }, dispatcher);
  if (!json.data) throw new Error(`holdSeats failed: ${JSON.stringify(json.errors)}`);
  const hold = json.data.holdSeats as { holdId?: string; expiresAt?: string; code?: string };
  return hold.holdId ? { holdId: hold.holdId, expiresAt: new Date(hold.expiresAt!) } : { code: hold.code! };
}

/**
 * Opens `connections` keep-alive connections of a pool limited to that many, with one cheap request
 * each (by default a `{ __typename }` query), so a measurement through it never includes connecting
 * (as a load generator's warm-up does).
 */
export async function openConnections(
  url: string, connections: number, warmUp: (pool: Agent) => Promise<unknown> = (pool) => postGraphql(url, { query: '{ __typename }' }, pool),
): Promise<Agent> {
  const pool = new Agent({ connections });
  await Promise.all(Array.from({ length: connections }, () => warmUp(pool)));
  return pool;
}

export interface SeatLedger {
  /** The counters on the event row. */
  stored: { confirmed: number; waitlisted: number };
  /** The registration rows, counted: people per status (the counters count people, not parties). */
  counted: { confirmed: number; waitlisted: number; rows: number };
  /** The waitlisted rows' positions, ascending. */
  waitlistPositions: number[];
  /** People the event row's seat holds still hold when read. */
  held: number;
}

/** What the database holds for one event after a run: its counters and its registration rows, read directly. */
export async function readSeatLedger(databaseUrl: string, eventGlobalId: string): Promise<SeatLedger> {
  const db: DataSource = await openDatabase(parseDatabaseUrl(databaseUrl));
  try {
    const id = localIdOf('Event', eventGlobalId);
    const param = db.options.type === 'postgres' ? '$1' : '?';
    const [event] = await db.query(`SELECT "confirmedCount", "waitlistedCount", "seatHolds" FROM "event" WHERE "id" = ${param}`, [id]) as Record<string, unknown>[];
    const rows = await db.query(`SELECT "status", "partySize", "waitlistPosition" FROM "registration" WHERE "eventId" = ${param}`, [id]) as Record<string, unknown>[];
    const people = (status: string) => rows.filter((r) => r.status === status).reduce((sum, r) => sum + Number(r.partySize), 0);
    return {
      stored: { confirmed: Number(event.confirmedCount), waitlisted: Number(event.waitlistedCount) },
      counted: { confirmed: people('CONFIRMED'), waitlisted: people('WAITLISTED'), rows: rows.length },
      waitlistPositions: rows.filter((r) => r.status === 'WAITLISTED').map((r) => Number(r.waitlistPosition)).sort((a, b) => a - b),
      held: heldSeats(event.seatHolds as string | null, new Date()),
    };
  } finally {
    await db.destroy();
  }
}
