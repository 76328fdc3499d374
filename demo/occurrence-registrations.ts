import { RegistrationStatus } from '../src/domain/enums';
import { DemoOccurrence } from './occurrences';
import { seededRandom, SeededRandom } from './seeded-random';

/** One party on a demo occurrence, as the registration service would have stored it. */
export interface DemoParty {
  name: string;
  email: string;
  partySize: number;
  status: RegistrationStatus.CONFIRMED | RegistrationStatus.WAITLISTED;
  waitlistPosition: number | null;
  attended: boolean;
  createdAt: Date;
}

/** An occurrence's registrations and the counters its event row must carry for them. */
export interface DemoRegistrations {
  parties: DemoParty[];
  confirmedCount: number;
  waitlistedCount: number;
  attendedCount: number;
}

// Invented people for invented registrations: a mix of the names a Midwestern river town has.
const FIRST_NAMES = [
  'Maria', 'James', 'Aisha', 'Tom', 'Linh', 'Grace', 'Diego', 'Ruth', 'Samir', 'Hannah', 'Kwame', 'Elena', 'Walter', 'Priya',
  'Joe', 'Mei', 'Carlos', 'Dorothy', 'Noah', 'Fatima', 'Erik', 'Rosa', 'Dale', 'Yusuf', 'Ingrid', 'Marcus', 'Keiko', 'Amara',
  'Bill', 'Sofia', 'Tran', 'Olga', 'Jamal', 'Nora', 'Luis', 'Beth', 'Omar', 'Ava', 'Hector', 'Lena',
];
const LAST_NAMES = [
  'Okafor', 'Lindqvist', 'Nguyen', 'Hernandez', 'Schmidt', 'Patel', 'Johnson', 'Kowalski', 'Haddad', 'Brennan', 'Yamamoto',
  'Mensah', 'Olsen', 'Garcia', 'Novak', 'Ahmed', 'Fischer', 'Reyes', 'Murphy', 'Chen', 'Larsen', 'Abdi', 'Miller', 'Santos',
  'Vang', 'Kaplan', 'Dubois', 'Hughes', 'Ibrahim', 'Petersen',
];
const MAIL_DOMAINS = ['example.org', 'example.com', 'example.net'];

const DAY_MS = 864e5;
/** People register over the three weeks before a date (or before `now`, for dates still ahead). */
const REGISTRATION_SPAN_MS = 21 * DAY_MS;

function person(random: SeededRandom, taken: Set<string>): { name: string; email: string } {
  for (;;) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const local = `${first}.${last}`.toLowerCase();
    const email = `${taken.has(`${local}@`) ? `${local}${random.int(2, 99)}` : local}@${random.pick(MAIL_DOMAINS)}`;
    if (taken.has(email)) continue;
    taken.add(email).add(`${local}@`);
    return { name: `${first} ${last}`, email };
  }
}

/**
 * Who has registered for one occurrence of a NATIVE program by `now`, keyed by program and date so
 * the same seed always gives the same people. Demand is the program's popularity, lower for dates
 * further ahead (people register late), varied per date; each party then goes through the rule of
 * claimSeats (src/features/events/seats.ts): seats while nobody waits and the party fits, else the
 * waitlist while the party fits there, else it is turned away. So the counters are those the
 * registration service would have kept, and equal the parties' sizes summed by status.
 * Confirmed parties of a date already over are checked in, most of them.
 */
export function demoRegistrations(o: DemoOccurrence, now: Date): DemoRegistrations {
  const p = o.program;
  const none: DemoRegistrations = { parties: [], confirmedCount: 0, waitlistedCount: 0, attendedCount: 0 };
  if (p.capacity == null || p.externalRegistration) return none;
  const random = seededRandom('demo-registrations', p.key, o.date);
  const daysAhead = Math.max(0, (o.startsAt.getTime() - now.getTime()) / DAY_MS);
  const lateness = Math.min(1, Math.max(0.12, 1.1 - daysAhead / 50));
  const demand = Math.round(p.capacity * (p.popularity ?? 0.5) * lateness * (0.8 + 0.4 * random.next()));
  const sizes = (p.partySizes ?? [1]).slice(0, p.maxPartySize ?? 1);

  const parties: Array<Omit<DemoParty, 'createdAt'>> = [];
  const emails = new Set<string>();
  let confirmed = 0;
  let waitlisted = 0;
  for (let asked = 0; asked < demand;) {
    const size = random.weighted(sizes.map((_, i) => i + 1), sizes);
    asked += size;
    let status: DemoParty['status'];
    if (waitlisted === 0 && confirmed + size <= p.capacity) {
      status = RegistrationStatus.CONFIRMED;
      confirmed += size;
    } else if (waitlisted + size <= (p.waitlist ?? 0)) {
      status = RegistrationStatus.WAITLISTED;
      waitlisted += size;
    } else {
      continue; // EVENT_FULL: turned away, nothing stored
    }
    const waitlistPosition = status === RegistrationStatus.WAITLISTED ? parties.filter((x) => x.waitlistPosition != null).length + 1 : null;
    parties.push({ ...person(random, emails), partySize: size, status, waitlistPosition, attended: false });
  }

  const over = o.endsAt.getTime() <= now.getTime();
  let attendedCount = 0;
  for (const party of parties) {
    if (over && party.status === RegistrationStatus.CONFIRMED && random.next() < 0.85) {
      party.attended = true;
      attendedCount += party.partySize;
    }
  }
  // Registration times, in the order the parties claimed their places, rounded to the minute.
  const until = Math.floor(Math.min(now.getTime(), o.startsAt.getTime()) / 60000) * 60000;
  const times = parties.map(() => until - Math.floor(random.next() * REGISTRATION_SPAN_MS / 60000) * 60000).sort((a, b) => a - b);
  return {
    parties: parties.map((party, i) => ({ ...party, createdAt: new Date(times[i]) })),
    confirmedCount: confirmed, waitlistedCount: waitlisted, attendedCount,
  };
}
