import { EventEntity } from '../../../src/model/event.entity';
import { EventStatus, RegistrationMode } from '../../../src/domain/enums';
import { registrationInfo, waitlistOpen } from '../../../src/features/events/registration-info';
import { spotsText } from '../../../src/edge/browser/widget/format';

const now = new Date('2026-12-01T12:00:00Z');

function event(overrides: Partial<EventEntity>): EventEntity {
  return Object.assign(new EventEntity(), {
    registrationMode: RegistrationMode.NATIVE, capacity: 10, waitlistCapacity: 2, confirmedCount: 4, waitlistedCount: 0,
    maxPartySize: 2, registrationOpensAt: null, registrationClosesAt: null, status: EventStatus.SCHEDULED,
    endsAt: new Date('2026-12-02T12:00:00Z'), url: 'https://p.example/e', registrationUrl: null, externalWaitlist: null,
  }, overrides);
}

describe('registration info', () => {
  it('reports seats left from capacity and confirmed seats', () => {
    expect(registrationInfo(event({}), now)).toMatchObject({ capacity: 10, confirmed: 4, remaining: 6, isOpen: true, url: null });
  });

  it('never reports negative seats, and null seats when there is no limit', () => {
    expect(registrationInfo(event({ confirmedCount: 12 }), now).remaining).toBe(0);
    expect(registrationInfo(event({ capacity: null }), now).remaining).toBeNull();
  });

  it('is closed before it opens, after it closes, once the event ended, and when cancelled', () => {
    expect(registrationInfo(event({ registrationOpensAt: new Date('2026-12-01T12:00:01Z') }), now).isOpen).toBe(false);
    expect(registrationInfo(event({ registrationClosesAt: now }), now).isOpen).toBe(false);
    expect(registrationInfo(event({ endsAt: now }), now).isOpen).toBe(false);
    expect(registrationInfo(event({ status: EventStatus.CANCELLED }), now).isOpen).toBe(false);
  });

  it('points EXTERNAL events at the partner\'s registration page (or the event page)', () => {
    expect(registrationInfo(event({ registrationMode: RegistrationMode.EXTERNAL, registrationUrl: 'https://t.example' }), now).url).toBe('https://t.example');
    expect(registrationInfo(event({ registrationMode: RegistrationMode.EXTERNAL }), now).url).toBe('https://p.example/e');
    expect(registrationInfo(event({ registrationMode: RegistrationMode.NONE }), now)).toMatchObject({ isOpen: false, remaining: null });
  });

  it('never points at a stored link that is not http(s): the event page instead, else none', () => {
    const external = { registrationMode: RegistrationMode.EXTERNAL, registrationUrl: 'javascript:alert(1)' };
    expect(registrationInfo(event(external), now).url).toBe('https://p.example/e');
    expect(registrationInfo(event({ ...external, url: 'data:text/html,x' }), now).url).toBeNull();
  });

  it('says whether a waiting list is taken: NATIVE from its waitlist places, EXTERNAL as the partner says, else null', () => {
    const external = (externalWaitlist: boolean | null) => event({ registrationMode: RegistrationMode.EXTERNAL, waitlistCapacity: 0, externalWaitlist });
    expect([
      event({}), event({ waitlistCapacity: 0 }), external(true), external(false), external(null),
      event({ registrationMode: RegistrationMode.NONE, externalWaitlist: true }),
    ].map((e) => registrationInfo(e, now).waitlistAvailable)).toEqual([true, false, true, false, null, null]);
  });

  it('reads "Full, waitlist open" for a full event still taking names, on the embed page and in the widget alike', () => {
    const full = (e: EventEntity) => registrationInfo({ ...e, confirmedCount: 10 } as EventEntity, now);
    const cases = [
      event({ waitlistedCount: 1 }), event({ waitlistedCount: 2 }),
      event({ registrationMode: RegistrationMode.EXTERNAL, waitlistCapacity: 0, externalWaitlist: true }),
      event({ registrationMode: RegistrationMode.EXTERNAL, waitlistCapacity: 0, externalWaitlist: null }),
    ].map(full);
    expect(cases.map(waitlistOpen)).toEqual([true, false, true, false]);
    const widget = cases.map((r) => spotsText({ mode: r.mode, remaining: r.remaining, waitlisted: r.waitlisted, waitlist_capacity: r.waitlistCapacity, waitlist_available: r.waitlistAvailable }));
    expect(widget).toEqual(['Full, waitlist open', 'Full', 'Full, waitlist open', 'Full']);
  });
});

describe('registration window edges', () => {
  it('opens at exactly its opening instant, and stays open until the very last millisecond before closing or the end', () => {
    expect(registrationInfo(event({ registrationOpensAt: now }), now).isOpen).toBe(true);
    expect(registrationInfo(event({ registrationClosesAt: new Date(now.getTime() + 1) }), now).isOpen).toBe(true);
    expect(registrationInfo(event({ endsAt: new Date(now.getTime() + 1) }), now).isOpen).toBe(true);
  });
});

describe('registration state', () => {
  const stateOf = (overrides: Partial<EventEntity>) => registrationInfo(event(overrides), now).state;
  const later = new Date(now.getTime() + 1);

  it('names every state a front end shows', () => {
    expect([
      stateOf({ registrationMode: RegistrationMode.NONE }),
      stateOf({ registrationOpensAt: later }),
      stateOf({}),
      stateOf({ capacity: null }),
      stateOf({ confirmedCount: 10 }),
      stateOf({ confirmedCount: 10, waitlistedCount: 2 }),
      stateOf({ registrationClosesAt: now }),
      stateOf({ endsAt: now }),
      stateOf({ status: EventStatus.POSTPONED }),
    ]).toEqual(['NOT_REQUIRED', 'NOT_YET_OPEN', 'OPEN', 'OPEN', 'WAITLIST_OPEN', 'FULL', 'CLOSED', 'CLOSED', 'CLOSED']);
  });

  it('follows the partner for EXTERNAL events, whose waiting list only the partner knows', () => {
    const full = { registrationMode: RegistrationMode.EXTERNAL, waitlistCapacity: 0, confirmedCount: 10 };
    expect(stateOf({ ...full, externalWaitlist: true })).toBe('WAITLIST_OPEN');
    expect(stateOf({ ...full, externalWaitlist: null })).toBe('FULL');
    expect(stateOf({ registrationMode: RegistrationMode.EXTERNAL, capacity: null })).toBe('OPEN');
  });

  it('shows a window not yet open before fullness, and a cancelled or ended event as CLOSED even before its window', () => {
    expect(stateOf({ registrationOpensAt: later, confirmedCount: 10, waitlistedCount: 2 })).toBe('NOT_YET_OPEN');
    expect(stateOf({ registrationOpensAt: later, status: EventStatus.CANCELLED })).toBe('CLOSED');
    expect(stateOf({ registrationOpensAt: later, endsAt: now })).toBe('CLOSED');
  });
});
