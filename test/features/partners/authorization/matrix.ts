import { GraphQLSchema, isObjectType } from 'graphql';
import { DataSource } from 'typeorm';
import type { Services } from '../../../../src/compose';
import { createContext } from '../../../../src/context';
import { SourceFormat } from '../../../../src/datasources/adapter';
import { ApiKeyRole } from '../../../../src/domain/enums';
import { localIdOf, toGlobalId } from '../../../../src/domain/global-id';
import { newId } from '../../../../src/domain/ids';
import { createLogger } from '../../../../src/logger';
import { isPrivateField } from '../../../../src/schema/private-field';
import { ServiceArea, SurveyRound } from '../../../../src/domain/survey';
import { SurveyEntity } from '../../../../src/model/survey.entity';
import { insertNativeEvent } from '../../../support/native-event';

/** Who asks: no key, a PARTNER key of another partner, the owning partner's key, an ADMIN key. */
export type Role = 'PUBLIC' | 'OTHER_PARTNER' | 'OWNER' | 'ADMIN';
export const ROLES: Role[] = ['PUBLIC', 'OTHER_PARTNER', 'OWNER', 'ADMIN'];

/**
 * What a role gets: `allowed` (data, no error), an error code (UNAUTHENTICATED, FORBIDDEN, …), or
 * `hidden` (no error, but the private field is null/empty for this role, or a count of what was
 * reached through it is 0).
 */
export type Outcome = 'allowed' | 'hidden' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

/** Ids the rows may use: the owner is the demo library, the other partner the school district. */
export interface MatrixFixture {
  ownerPartnerId: string;
  otherPartnerId: string;
  /** A NATIVE-registration event of the owner. */
  ownerEventId: string;
}

/** What a row's variables builder may use to prepare data: the real services and database. */
export interface MatrixSetup {
  services: Services;
  db: DataSource;
}

export interface MatrixRow {
  name: string;
  /** `Mutation.<field>` and `<Type>.<field>` (private fields) this row exercises. */
  covers: string[];
  document: string;
  /**
   * Builds the variables for one role's attempt. Rows run PUBLIC, OTHER_PARTNER, OWNER, ADMIN on one
   * database, so a mutating row creates here what it consumes (a fresh source, a fresh registration).
   */
  variables: (fixture: MatrixFixture, setup: MatrixSetup) => Record<string, unknown> | Promise<Record<string, unknown>>;
  expect: Record<Role, Outcome>;
  /** For `hidden`: where the private value sits in `data` (path of keys). */
  privatePath?: (string | number)[];
}

const EVERYONE: Record<Role, Outcome> = { PUBLIC: 'allowed', OTHER_PARTNER: 'allowed', OWNER: 'allowed', ADMIN: 'allowed' };
const STAFF_ONLY: Record<Role, Outcome> = { PUBLIC: 'UNAUTHENTICATED', OTHER_PARTNER: 'FORBIDDEN', OWNER: 'allowed', ADMIN: 'allowed' };
const ADMIN_ONLY: Record<Role, Outcome> = { PUBLIC: 'UNAUTHENTICATED', OTHER_PARTNER: 'FORBIDDEN', OWNER: 'FORBIDDEN', ADMIN: 'allowed' };

/**
 * THE authorization matrix. Every mutation and every field marked @PrivateField() must appear in
 * `covers` of at least one row, or the completeness test fails: a feature that adds a mutation or a
 * private field adds its rows here.
 */
export const MATRIX: MatrixRow[] = [
  {
    name: 'public catalog reads (events, partners, locations, live counts)',
    covers: [],
    document: 'query($id: ID!) { partner(id: $id) { name locations { name } events(first: 2) { edges { node { title registration { confirmed remaining } } } } } }',
    variables: (f) => ({ id: f.ownerPartnerId }),
    expect: { PUBLIC: 'allowed', OTHER_PARTNER: 'allowed', OWNER: 'allowed', ADMIN: 'allowed' },
  },
  {
    name: 'refetching an event by global id',
    covers: [],
    document: 'query($id: ID!) { node(id: $id) { id ... on Event { title } } }',
    variables: (f) => ({ id: f.ownerEventId }),
    expect: { PUBLIC: 'allowed', OTHER_PARTNER: 'allowed', OWNER: 'allowed', ADMIN: 'allowed' },
  },
  {
    name: 'setting the origins allowed to embed a partner',
    covers: ['Mutation.setPartnerAllowedOrigins'],
    document: 'mutation($id: ID!, $origins: [String!]!) { setPartnerAllowedOrigins(partnerId: $id, origins: $origins) { allowedOrigins } }',
    variables: (f) => ({ id: f.ownerPartnerId, origins: ['https://library.millbrook.example'] }),
    expect: { PUBLIC: 'UNAUTHENTICATED', OTHER_PARTNER: 'FORBIDDEN', OWNER: 'allowed', ADMIN: 'allowed' },
  },
  {
    name: 'adding a partner',
    covers: ['Mutation.addPartner'],
    document: 'mutation($input: AddPartnerInput!) { addPartner(input: $input) { slug } }',
    variables: () => ({ input: { slug: `matrix-${newId().slice(0, 8)}`, name: 'Matrix Partner', kind: 'NONPROFIT', timezone: 'America/Chicago' } }),
    expect: ADMIN_ONLY,
  },
  {
    name: 'adding a source to a partner',
    covers: ['Mutation.addSource'],
    document: 'mutation($input: AddSourceInput!) { addSource(input: $input) { id } }',
    variables: (f) => ({ input: { partnerId: f.ownerPartnerId, format: 'ICALENDAR', url: `https://calendar.millbrook.example/${newId()}.ics` } }),
    expect: STAFF_ONLY,
  },
  {
    name: 'removing a partner\'s source',
    covers: ['Mutation.removeSource'],
    document: 'mutation($id: ID!) { removeSource(id: $id) }',
    variables: async (f, setup) => ({ id: await freshSource(f, setup) }),
    expect: STAFF_ONLY,
  },
  {
    name: 'syncing a partner\'s source now',
    covers: ['Mutation.syncSource'],
    document: 'mutation($id: ID!) { syncSource(id: $id) { status } }',
    // The source points at a closed local port: an allowed caller gets a FAILED report, not an error.
    variables: async (f, setup) => ({ id: await freshSource(f, setup) }),
    expect: STAFF_ONLY,
  },
  {
    name: 'reading a source\'s URL, last error and last skips',
    covers: ['Source.url', 'Source.lastError', 'Source.lastSkips'],
    document: 'query($id: ID!) { partner(id: $id) { sources { url lastError lastSkips { count } } } }',
    variables: (f) => ({ id: f.ownerPartnerId }),
    expect: { PUBLIC: 'hidden', OTHER_PARTNER: 'hidden', OWNER: 'allowed', ADMIN: 'allowed' },
    privatePath: ['partner', 'sources', 0, 'url'],
  },
  {
    name: 'creating a native event for a partner',
    covers: ['Mutation.createEvent'],
    document: 'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
    variables: (f) => ({
      input: { partnerId: f.ownerPartnerId, title: 'Matrix workshop', startsAt: inDays(7), endsAt: inDays(7.1), capacity: 5 },
    }),
    expect: STAFF_ONLY,
  },
  {
    name: 'editing a partner\'s native event',
    covers: ['Mutation.updateEvent'],
    document: 'mutation($id: ID!) { updateEvent(id: $id, input: { title: "Renamed" }) { title } }',
    variables: async (f, setup) => ({ id: (await freshEvent(f, setup)).globalId }),
    expect: STAFF_ONLY,
  },
  {
    name: 'cancelling a partner\'s native event',
    covers: ['Mutation.cancelEvent'],
    document: 'mutation($id: ID!) { cancelEvent(id: $id) { status } }',
    variables: async (f, setup) => ({ id: (await freshEvent(f, setup)).globalId }),
    expect: STAFF_ONLY,
  },
  {
    name: 'registering for a native event (anyone may)',
    covers: ['Mutation.register'],
    document: 'mutation($input: RegisterInput!) { register(input: $input) { __typename } }',
    variables: async (f, setup) => ({ input: { eventId: (await freshEvent(f, setup)).globalId, name: 'Ada', email: `${newId()}@example.org` } }),
    expect: EVERYONE,
  },
  {
    name: 'holding seats while a form is filled in (no key needed, like register)',
    covers: ['Mutation.holdSeats'],
    document: 'mutation($e: ID!) { holdSeats(input: { eventId: $e }) { __typename } }',
    variables: async (f, setup) => ({ e: (await freshEvent(f, setup)).globalId }),
    expect: EVERYONE,
  },
  {
    name: 'ending a seat hold early (the hold id is the proof)',
    covers: ['Mutation.releaseSeatHold'],
    document: 'mutation($e: ID!) { releaseSeatHold(input: { eventId: $e, holdId: "abcdefghijklmnopqrstuvwx" }) }',
    variables: async (f, setup) => ({ e: (await freshEvent(f, setup)).globalId }),
    expect: EVERYONE,
  },
  {
    name: 'claiming an invitation with the registration\'s token (the token is the proof, not a key)',
    covers: ['Mutation.claimInvitation'],
    document: 'mutation($input: CancelRegistrationInput!) { claimInvitation(input: $input) { status } }',
    variables: async (f, setup) => {
      const ticket = await freshRegistration(f, setup);
      return { input: { registrationId: ticket.registrationId, cancelToken: ticket.cancelToken } };
    },
    expect: EVERYONE,
  },
  {
    name: 'creating a partner\'s recurring series',
    covers: ['Mutation.createEventSeries'],
    document: 'mutation($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { seriesId } }',
    variables: (f) => ({
      input: { partnerId: f.ownerPartnerId, title: 'Matrix series', startsAt: inDays(7), endsAt: inDays(7.1), recurrence: 'FREQ=WEEKLY;COUNT=2' },
    }),
    expect: STAFF_ONLY,
  },
  {
    name: 'editing a partner\'s recurring series',
    covers: ['Mutation.updateEventSeries'],
    document: 'mutation($s: ID!) { updateEventSeries(seriesId: $s, input: { title: "Renamed" }) { seriesId } }',
    variables: async (f, setup) => {
      const seriesId = newId();
      for (const days of [7, 14]) {
        await insertNativeEvent(setup.db, localIdOf('Partner', f.ownerPartnerId), { seriesId, startsAt: new Date(inDays(days)), endsAt: new Date(inDays(days + 0.1)) });
      }
      return { s: seriesId };
    },
    expect: STAFF_ONLY,
  },
  {
    name: 'cancelling a registration with its token (the token is the proof, not a key)',
    covers: ['Mutation.cancelRegistration'],
    document: 'mutation($input: CancelRegistrationInput!) { cancelRegistration(input: $input) { registration { status } } }',
    variables: async (f, setup) => {
      const ticket = await freshRegistration(f, setup);
      return { input: { registrationId: ticket.registrationId, cancelToken: ticket.cancelToken } };
    },
    expect: EVERYONE,
  },
  {
    name: 'checking in a registrant',
    covers: ['Mutation.checkIn'],
    document: 'mutation($id: ID!) { checkIn(registrationId: $id) { attended } }',
    variables: async (f, setup) => ({ id: (await freshRegistration(f, setup)).registrationId }),
    expect: STAFF_ONLY,
  },
  {
    name: 'checking in who of a party came, by category',
    covers: ['Mutation.checkIn'],
    document: 'mutation($id: ID!) { checkIn(registrationId: $id, party: [{ category: "children", count: 1 }]) { attended } }',
    variables: async (f, setup) => ({ id: (await freshRegistration(f, setup)).registrationId }),
    expect: STAFF_ONLY,
  },
  {
    name: 'adding walk-ins at the door (counts only, but the partner\'s own record)',
    covers: ['Mutation.addWalkIns'],
    document: 'mutation($id: ID!) { addWalkIns(eventId: $id, party: [{ category: "adults", count: 1 }]) { walkIns } }',
    variables: (f) => ({ id: f.ownerEventId }),
    expect: STAFF_ONLY,
  },
  {
    name: 'setting a drop-in occurrence\'s head count',
    covers: ['Mutation.setHeadCount'],
    document: 'mutation($id: ID!) { setHeadCount(eventId: $id, party: [{ category: "children", count: 4 }]) { headCount } }',
    variables: (f) => ({ id: f.ownerEventId }),
    expect: STAFF_ONLY,
  },
  {
    name: 'reading an occurrence\'s attendance (read from the checked-in parties)',
    covers: ['Event.attendance'],
    document: 'query($id: ID!) { event(id: $id) { attendance { total byCategory { category count } } } }',
    variables: (f) => ({ id: f.ownerEventId }),
    expect: STAFF_ONLY,
  },
  {
    name: 'an occurrence\'s survey link and QR code (reading it stores the short code on first ask)',
    covers: ['Event.surveyLink'],
    document: 'query($id: ID!) { event(id: $id) { surveyLink { code url qrSvgUrl } } }',
    variables: (f) => ({ id: f.ownerEventId }),
    expect: STAFF_ONLY,
  },
  {
    name: 'an impact report over the owner\'s programs (counts only, but a partner\'s own business)',
    covers: ['Query.impact'],
    document: 'query($p: [ID!]) { impact(from: "2026-01-01T00:00:00Z", to: "2026-12-31T00:00:00Z", partnerIds: $p) { totals { occurrences } } }',
    variables: (f) => ({ p: [f.ownerPartnerId] }),
    expect: STAFF_ONLY,
  },
  {
    name: 'attaching an outcome survey to a partner\'s occurrence',
    covers: ['Mutation.createSurvey'],
    document: 'mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { id } }',
    variables: async (f, setup) => ({
      input: { partnerId: f.ownerPartnerId, serviceArea: 'DIGITAL_LEARNING', round: 'IMMEDIATE', eventId: (await freshEvent(f, setup)).globalId },
    }),
    expect: STAFF_ONLY,
  },
  {
    name: 'withdrawing a partner\'s outcome survey',
    covers: ['Mutation.deleteSurvey'],
    document: 'mutation($id: ID!) { deleteSurvey(id: $id) }',
    variables: async (f, setup) => ({ id: toGlobalId('Survey', (await surveyedEvent(f, setup)).surveyId) }),
    expect: STAFF_ONLY,
  },
  {
    name: 'reading what an occurrence\'s survey asks (questions only, never an answer)',
    covers: ['Query.surveyFor'],
    document: 'query($id: ID!) { surveyFor(eventId: $id, round: IMMEDIATE) { statements } }',
    variables: async (f, setup) => ({ id: (await surveyedEvent(f, setup)).eventId }),
    expect: EVERYONE,
  },
  {
    name: 'answering an occurrence\'s survey, anonymously (no key, no person stored)',
    covers: ['Mutation.respondToSurvey'],
    document: 'mutation($input: RespondToSurveyInput!) { respondToSurvey(input: $input) }',
    variables: async (f, setup) => ({ input: { eventId: (await surveyedEvent(f, setup)).eventId, round: 'IMMEDIATE', ratings: [5, 4, 4, 3] } }),
    expect: EVERYONE,
  },
  {
    name: 'reading who registered (names and emails)',
    covers: ['Event.registrations', 'Registration.name', 'Registration.email'],
    document: 'query($id: ID!) { event(id: $id) { registrations { name email } } }',
    variables: async (f, setup) => ({ id: (await freshRegistration(f, setup)).eventId }),
    expect: STAFF_ONLY,
  },
  {
    // Another partner's key is answered as if no one held the address there: an empty list, nothing erased.
    name: 'a privacy request: the registrations held under an email',
    covers: ['Query.registrantData'],
    document: 'query($email: String!) { registrantData(email: $email) { name email event { id } } }',
    variables: async (f, setup) => ({ email: (await freshRegistration(f, setup)).email }),
    expect: { PUBLIC: 'UNAUTHENTICATED', OTHER_PARTNER: 'hidden', OWNER: 'allowed', ADMIN: 'allowed' },
    privatePath: ['registrantData'],
  },
  {
    name: 'a privacy request: erasing a registrant',
    covers: ['Mutation.eraseRegistrant'],
    document: 'mutation($email: String!) { eraseRegistrant(email: $email) }',
    variables: async (f, setup) => ({ email: (await freshRegistration(f, setup)).email }),
    expect: { PUBLIC: 'UNAUTHENTICATED', OTHER_PARTNER: 'hidden', OWNER: 'allowed', ADMIN: 'allowed' },
    privatePath: ['eraseRegistrant'],
  },
  {
    name: 'reading who a party brings (its makeup by category, a household\'s shape)',
    covers: ['Registration.party'],
    document: 'query($id: ID!) { event(id: $id) { registrations { party { category count } } } }',
    variables: async (f, setup) => ({ id: (await freshRegistration(f, setup)).eventId }),
    expect: STAFF_ONLY,
  },
  {
    name: 'reading who of a party came (the door page\'s "2 of 3 checked in")',
    covers: ['Registration.attendedParty'],
    document: 'query($id: ID!) { event(id: $id) { registrations { attendedParty { category count } } } }',
    variables: async (f, setup) => ({ id: (await freshRegistration(f, setup)).eventId }),
    expect: STAFF_ONLY,
  },
];


const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

/** A new occurrence of the owner that began an hour ago, with its own IMMEDIATE survey. */
async function surveyedEvent(f: MatrixFixture, setup: MatrixSetup): Promise<{ eventId: string; surveyId: string }> {
  const startsAt = new Date(Date.now() - 3_600_000);
  const event = await insertNativeEvent(setup.db, localIdOf('Partner', f.ownerPartnerId), { startsAt, endsAt: new Date(startsAt.getTime() + 1_800_000) });
  const surveyId = newId();
  await setup.db.getRepository(SurveyEntity).insert({
    id: surveyId, partnerId: event.partnerId, serviceArea: ServiceArea.DIGITAL_LEARNING, round: SurveyRound.IMMEDIATE,
    eventId: event.id, seriesId: null, category: null, createdAt: new Date(),
  });
  return { eventId: event.globalId, surveyId };
}

/** A new NATIVE event of the owner, so each role's attempt acts on untouched data. */
function freshEvent(f: MatrixFixture, setup: MatrixSetup) {
  return insertNativeEvent(setup.db, localIdOf('Partner', f.ownerPartnerId));
}

/** A new (never synced) iCalendar source of the owner, added as an admin would; returns its global id. */
async function freshSource(f: MatrixFixture, setup: MatrixSetup): Promise<string> {
  const ctx = await createContext({ db: setup.db, apiKeys: setup.services.apiKeys, logger: createLogger('silent') });
  const admin = { ...ctx, principal: { role: ApiKeyRole.ADMIN, keyId: 'matrix' } as const };
  const source = await setup.services.sources.addSource(admin, {
    partnerId: f.ownerPartnerId, format: SourceFormat.ICALENDAR, url: `http://127.0.0.1:9/${newId()}.ics`,
  } as never);
  return toGlobalId('Source', source.id);
}

/** A new registration (made as the public would) on a new event of the owner. */
async function freshRegistration(f: MatrixFixture, setup: MatrixSetup) {
  const event = await freshEvent(f, setup);
  const ctx = await createContext({ db: setup.db, apiKeys: setup.services.apiKeys, logger: createLogger('silent') });
  const email = `${newId()}@example.org`;
  const result = await setup.services.registrations.register(ctx, { eventId: event.globalId, name: 'Grace', email, party: [{ category: 'children', count: 1 }] });
  if (result.kind !== 'ticket') throw new Error(`setup registration was rejected: ${result.message}`);
  return { eventId: event.globalId, registrationId: toGlobalId('Registration', result.registration.id), cancelToken: result.cancelToken, email };
}

/** Mutations and private fields of the schema that no row covers. */
export function uncovered(schema: GraphQLSchema, rows: MatrixRow[]): string[] {
  const covered = new Set(rows.flatMap((row) => row.covers));
  const required: string[] = Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => `Mutation.${name}`);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (isPrivateField(field.extensions as Record<string, unknown>)) required.push(`${type.name}.${field.name}`);
    }
  }
  return required.filter((name) => !covered.has(name)).sort();
}
