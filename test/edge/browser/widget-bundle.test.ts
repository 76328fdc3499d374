import { buildSchema } from 'graphql';
import { buildWidget, gzippedBytes, widgetFeaturesOf } from '../../../src/edge/browser/widget-bundle';
import { buildSchemaOver } from '../../../src/compose-schema';
import { cardsWanted, feedParams } from '../../../src/edge/browser/widget/filter';
import { attemptKey } from '../../../src/edge/browser/widget/attempt-key';
import { endsAttempt, outcomeText } from '../../../src/edge/browser/widget/register-form';
import { standingText } from '../../../src/edge/browser/widget/manage-view';

describe('the widget bundle', () => {
  it('stays far under 15 KB gzipped, with and without the live registration parts', async () => {
    const plain = await buildWidget({ registrations: false });
    const live = await buildWidget({ registrations: true });
    expect(gzippedBytes(plain)).toBeLessThan(15 * 1024);
    expect(gzippedBytes(live)).toBeLessThan(15 * 1024);
    // The flag is a compile-time constant: disabled code is absent, not merely skipped.
    expect(plain).not.toContain('graphql-transport-ws');
    expect(plain).not.toContain('register(input:');
    expect(live).toContain('graphql-transport-ws');
    expect(live).toContain('registrationCounts(eventIds:$ids)');
    expect(live).toContain('register(input:{eventId:$eventId');
    expect(live).toContain('myRegistration(code:$code)');
    expect(live).toContain('claimInvitation(input:');
    expect(plain).not.toContain('myRegistration');
    expect(plain).not.toContain('claimInvitation');
  });

  it('enables registrations only when the schema has registrationCounts, register, holdSeats, releaseSeatHold, cancelRegistration, claimInvitation and myRegistration', async () => {
    expect(widgetFeaturesOf(await buildSchemaOver())).toEqual({ registrations: true });
    const withAll = buildSchema(`type Query { myRegistration(code: String!): Int }
      type Mutation { register(x: Int): Int holdSeats(x: Int): Int releaseSeatHold(x: Int): Int cancelRegistration(x: Int): Int claimInvitation(x: Int): Int }
      type Subscription { registrationCounts(eventIds: [ID!]): Int }`);
    expect(widgetFeaturesOf(withAll)).toEqual({ registrations: true });
    const beforeInvitations = buildSchema(`type Query { myRegistration(code: String!): Int }
      type Mutation { register(x: Int): Int holdSeats(x: Int): Int releaseSeatHold(x: Int): Int cancelRegistration(x: Int): Int }
      type Subscription { registrationCounts(eventIds: [ID!]): Int }`);
    expect(widgetFeaturesOf(beforeInvitations)).toEqual({ registrations: false });
    const beforeHolds = buildSchema(`type Query { myRegistration(code: String!): Int } type Mutation { register(x: Int): Int cancelRegistration(x: Int): Int }
      type Subscription { registrationCounts(eventIds: [ID!]): Int }`);
    expect(widgetFeaturesOf(beforeHolds)).toEqual({ registrations: false });
    const beforeManage = buildSchema(`type Query { a: Int } type Mutation { register(x: Int): Int }
      type Subscription { registrationCounts(eventIds: [ID!]): Int }`);
    expect(widgetFeaturesOf(beforeManage)).toEqual({ registrations: false });
    expect(widgetFeaturesOf(buildSchema('type Query { a: Int } type Mutation { register(x: Int): Int }'))).toEqual({ registrations: false });
  });
});

describe('widget snippet attributes', () => {
  it('map every EventFilter option to the feed query; data-limit counts cards, each series at most 4 dates', () => {
    const params = feedParams({ partner: 'millbrook-library', kinds: 'MUSEUM,LIBRARY', audience: 'KIDS', categories: 'STEM', text: 'boat',
      from: '2026-12-01', to: '2026-12-31', near: '41.5,-90.5,3', status: 'SCHEDULED', title: 'ignored', target: '#x' });
    expect(params.toString()).toBe('partner=millbrook-library&kinds=MUSEUM%2CLIBRARY&audiences=KIDS&categories=STEM&text=boat&from=2026-12-01&to=2026-12-31&near=41.5%2C-90.5%2C3&status=SCHEDULED&limit=40&per_series=4');
    expect(feedParams({ limit: '3' }).toString()).toBe('limit=12&per_series=4');
    expect(cardsWanted({ limit: '3' })).toBe(3);
    expect(cardsWanted({})).toBe(10);
    // The feed's own maximum, and a value the server explains in its 400.
    expect(feedParams({ limit: '80' }).get('limit')).toBe('200');
    expect(feedParams({ limit: 'ten' }).get('limit')).toBe('ten');
  });

  it('word the register outcome for people', () => {
    expect(outcomeText({ data: { register: { __typename: 'RegistrationTicket', registration: { id: 'r', status: 'CONFIRMED', waitlistPosition: null }, cancelToken: 'tok' } } }))
      .toBe('You are registered (confirmed). To cancel later, keep this code: tok');
    expect(outcomeText({ data: { register: { __typename: 'RegistrationTicket', registration: { id: 'r', status: 'WAITLISTED', waitlistPosition: 2 }, cancelToken: null } } }))
      .toBe('You are on the waitlist (position 2).');
    expect(outcomeText({ data: { register: { __typename: 'RegistrationRejected', code: 'FULL', message: 'This event is full.' } } })).toBe('This event is full.');
    expect(outcomeText({ errors: [{ message: 'Bad email' }] })).toBe('Bad email');
  });

  it('word where a registration stands: an invited party by its offer, one whose invitation ended by its place in line', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    const waitlisted = { status: 'WAITLISTED' as const, waitlistPosition: 1 };
    expect(standingText({ ...waitlisted, invitedUntil: '2026-12-08T12:00:00Z' }, now)).toBe('On the waitlist, with a seat offered to you');
    expect(standingText({ ...waitlisted, invitedUntil: '2026-12-07T11:59:59Z' }, now)).toBe('On the waitlist, number 1 in line');
    expect(standingText({ ...waitlisted, invitedUntil: null }, now)).toBe('On the waitlist, number 1 in line');
    expect(standingText({ status: 'CONFIRMED', waitlistPosition: null, invitedUntil: null }, now)).toBe('Confirmed');
    expect(standingText({ status: 'CANCELLED', waitlistPosition: null, invitedUntil: '2026-12-08T12:00:00Z' }, now)).toBe('Cancelled');
  });

  it('say plainly that a resent form met other details (CONFLICT) or a cancelled registration, and start a new attempt after either', () => {
    const conflict = { errors: [{ message: 'This idempotencyKey was already used…', extensions: { code: 'CONFLICT' } }] };
    expect(outcomeText(conflict)).toBe('This form was already sent with other details. Check yours and send it again.');
    const cancelled = { data: { register: { __typename: 'RegistrationTicket', registration: { id: 'r', status: 'CANCELLED', waitlistPosition: null }, cancelToken: 'tok' } } };
    expect(outcomeText(cancelled)).toBe('This registration was cancelled. Send the form again to register anew.');
    expect([endsAttempt(conflict), endsAttempt(cancelled)]).toEqual([true, true]);
    const confirmed = { data: { register: { __typename: 'RegistrationTicket', registration: { id: 'r', status: 'CONFIRMED', waitlistPosition: null }, cancelToken: 'tok' } } };
    const full = { data: { register: { __typename: 'RegistrationRejected', code: 'EVENT_FULL', message: 'Full.' } } };
    expect([endsAttempt(confirmed), endsAttempt(full), endsAttempt({ errors: [{ message: 'x', extensions: { code: 'RATE_LIMITED' } }] })]).toEqual([false, false, false]);
  });
});

describe('the register form\'s idempotency key', () => {
  const KEY = /^[A-Za-z0-9_-]{32,128}$/;

  it('is a UUID from crypto.randomUUID where the page has it', () => {
    const key = attemptKey(crypto);
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(key).toMatch(KEY);
    expect(attemptKey(crypto)).not.toBe(key);
  });

  it('is 24 bytes of crypto.getRandomValues as base64url where randomUUID is missing (a page on plain http)', () => {
    const random = jest.spyOn(Math, 'random');
    const bytes = Uint8Array.from({ length: 24 }, (_, i) => 250 + i);
    const insecure = { getRandomValues: (array: Uint8Array) => { array.set(bytes); return array; } } as unknown as Crypto;
    expect(attemptKey(insecure)).toBe(Buffer.from(bytes).toString('base64url'));
    expect(attemptKey(insecure)).toMatch(KEY);
    const real = { getRandomValues: (array: Uint8Array) => crypto.getRandomValues(array) } as unknown as Crypto;
    const keys = new Set(Array.from({ length: 50 }, () => attemptKey(real)));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(KEY);
    expect(random).not.toHaveBeenCalled();
    random.mockRestore();
  });
});
