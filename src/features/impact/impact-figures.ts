import { EventEntity } from '../../model/event.entity';
import { RegistrationMode } from '../../domain/enums';
import { addSurveys, emptySurveySums, ImpactSurveys, NO_SURVEYS, SurveyFigures, surveyFiguresOf, SurveySums } from './impact-surveys';
import { attendedByCategory, PartyCountEntry, peopleIn, tallyInto, tallyList } from '../../domain/party';

/** What a report can be broken down by. */
export enum ImpactDimension {
  PARTNER = 'PARTNER',
  SERIES = 'SERIES',
  CATEGORY = 'CATEGORY',
  AUDIENCE = 'AUDIENCE',
  MONTH = 'MONTH',
  BRANCH = 'BRANCH',
  SERVICE_AREA = 'SERVICE_AREA',
}

/** Registrations of one event, as the report counts them: parties by status. */
export interface EventRegistrationTally {
  eventId: string;
  /** Parties holding seats or waiting at the end of the range (not cancelled). */
  parties: number;
  cancelled: number;
  /** Parties that were ever on the waitlist (still waiting, promoted, or left it); only those since waits were recorded. */
  waited: number;
  /** Of those, the ones that got seats (promoted, or claimed an invitation). */
  promoted: number;
}

/**
 * Checked-in parties of one event alike in makeup and in who of them came (./impact.read.ts): `parties`
 * of them, `people` registered in all.
 */
export interface AttendedMakeups {
  eventId: string;
  party: PartyCountEntry[] | null;
  attendedParty: PartyCountEntry[] | null;
  parties: number;
  people: number;
}

export interface ImpactFigures extends SurveyFigures {
  occurrences: number;
  /** Occurrences that took registrations here. */
  registrable: number;
  /** Registrations (parties) that stand: confirmed or waitlisted. */
  registrations: number;
  /** Registrations cancelled, by the party or the library. */
  cancellations: number;
  confirmed: number;
  waitlisted: number;
  seats: number;
  attended: number;
  /** Occurrences that have ended with at least one check-in: the ones a no-show rate can speak for. */
  checkedInOccurrences: number;
  /** confirmed ÷ seats over occurrences with a seat limit; null without seats. */
  fillRate: number | null;
  /** 1 − attended ÷ confirmed over ended occurrences with check-ins; null without any. */
  noShowRate: number | null;
  /** People who came without registering, added at the door. */
  walkIns: number;
  /** People in the head counts staff took (drop-in occurrences). */
  headCount: number;
  /** attended + walkIns + headCount: everyone who came. */
  attendedTotal: number;
  /** The same people by party category (UNCATEGORISED: checked in whole from a party without a makeup), by key. */
  attendanceByCategory: PartyCountEntry[];
  /** Parties that waited on the waitlist of an ended occurrence (recorded since waits were: migration 1767000000000). */
  waitlistJoined: number;
  /** Of those, the parties that got seats. */
  waitlistPromoted: number;
  /** waitlistPromoted ÷ waitlistJoined; null when nobody waited. */
  waitlistConversion: number | null;
}

/** One group's coordinates: the value of each dimension asked for (ids, keys or a month). */
export type ImpactKey = Partial<Record<ImpactDimension, string | null>>;

export interface ImpactGroup {
  key: ImpactKey;
  /** The title of the group's first occurrence: names a SERIES group. */
  firstTitle: string;
  figures: ImpactFigures;
}

export interface ImpactReport {
  totals: ImpactFigures;
  groups: ImpactGroup[];
}

interface Sums {
  occurrences: number;
  registrable: number;
  registrations: number;
  cancellations: number;
  confirmed: number;
  waitlisted: number;
  seats: number;
  seatedConfirmed: number;
  attended: number;
  checkedInOccurrences: number;
  checkedInConfirmed: number;
  checkedInAttended: number;
  walkIns: number;
  headCount: number;
  byCategory: Map<string, number>;
  waited: number;
  promoted: number;
}

const emptySums = (): Sums => ({
  occurrences: 0, registrable: 0, registrations: 0, cancellations: 0, confirmed: 0, waitlisted: 0, seats: 0, seatedConfirmed: 0, attended: 0,
  checkedInOccurrences: 0, checkedInConfirmed: 0, checkedInAttended: 0, walkIns: 0, headCount: 0, byCategory: new Map(), waited: 0, promoted: 0,
});

/** Who came to one occurrence by category: its checked-in parties, walk-ins and head count. */
function cameByCategory(e: EventEntity, attendees: readonly AttendedMakeups[]): PartyCountEntry[] {
  const tally = new Map<string, number>();
  for (const a of attendees) {
    // A group of parties without a makeup checked in whole: their people, not one party's, as uncategorised.
    const whole = !a.attendedParty && !a.party;
    tallyInto(tally, attendedByCategory({ attended: true, partySize: a.people, party: a.party, attendedParty: a.attendedParty }), whole ? 1 : a.parties);
  }
  tallyInto(tally, e.walkIns);
  tallyInto(tally, e.headCount);
  return tallyList(tally);
}

function add(sums: Sums, e: EventEntity, tally: EventRegistrationTally | undefined, came: readonly PartyCountEntry[], now: Date): void {
  sums.occurrences += 1;
  if (e.registrationMode === RegistrationMode.NATIVE) sums.registrable += 1;
  sums.registrations += tally?.parties ?? 0;
  sums.cancellations += tally?.cancelled ?? 0;
  sums.confirmed += e.confirmedCount;
  sums.waitlisted += e.waitlistedCount;
  sums.attended += e.attendedCount;
  sums.walkIns += peopleIn(e.walkIns);
  sums.headCount += peopleIn(e.headCount);
  tallyInto(sums.byCategory, came);
  if (e.capacity != null && e.registrationMode !== RegistrationMode.NONE) {
    sums.seats += e.capacity;
    sums.seatedConfirmed += e.confirmedCount;
  }
  // A waitlist is settled once the occurrence has ended: who waited then either got a seat or did not.
  if (e.endsAt <= now) {
    sums.waited += tally?.waited ?? 0;
    sums.promoted += tally?.promoted ?? 0;
  }
  // An occurrence nobody checked anyone in at says nothing about no-shows (the door may not have used the page).
  if (e.endsAt <= now && e.attendedCount > 0) {
    sums.checkedInOccurrences += 1;
    sums.checkedInConfirmed += e.confirmedCount;
    sums.checkedInAttended += e.attendedCount;
  }
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

function figuresOf(s: Sums): Omit<ImpactFigures, keyof SurveyFigures> {
  return {
    occurrences: s.occurrences, registrable: s.registrable, registrations: s.registrations, cancellations: s.cancellations,
    confirmed: s.confirmed, waitlisted: s.waitlisted, seats: s.seats, attended: s.attended, checkedInOccurrences: s.checkedInOccurrences,
    fillRate: ratio(s.seatedConfirmed, s.seats),
    noShowRate: s.checkedInConfirmed > 0 ? Math.max(0, 1 - s.checkedInAttended / s.checkedInConfirmed) : null,
    walkIns: s.walkIns, headCount: s.headCount, attendedTotal: s.attended + s.walkIns + s.headCount, attendanceByCategory: tallyList(s.byCategory),
    waitlistJoined: s.waited, waitlistPromoted: s.promoted, waitlistConversion: ratio(s.promoted, s.waited),
  };
}

/** One formatter per zone: making one costs far more than using it, and a year of a town has few zones. */
const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** The month an occurrence starts in, on its own clock: YYYY-MM. */
function monthOf(e: EventEntity): string {
  const zone = e.timezone || 'UTC';
  let format = monthFormats.get(zone);
  if (!format) monthFormats.set(zone, (format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' })));
  const parts = format.formatToParts(e.startsAt);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

/**
 * The values an occurrence takes along one dimension. Categories and audiences are lists: an occurrence
 * counts once in each of its own (so groups may add up to more than the totals), and in a null group
 * when it has none, so nothing drops out of a breakdown.
 */
function valuesOf(e: EventEntity, dimension: ImpactDimension, surveys: ImpactSurveys): Array<string | null> {
  switch (dimension) {
    case ImpactDimension.PARTNER: return [e.partnerId];
    case ImpactDimension.SERIES: return [e.seriesId ?? e.id];
    case ImpactDimension.CATEGORY: return e.categories.length ? [...new Set(e.categories.map((c) => c.toLowerCase()))] : [null];
    case ImpactDimension.AUDIENCE: return e.audiences.length ? [...new Set(e.audiences)] : [null];
    case ImpactDimension.MONTH: return [monthOf(e)];
    case ImpactDimension.BRANCH: return [e.locationId];
    case ImpactDimension.SERVICE_AREA: return [surveys.areas.get(e.id) ?? null];
  }
}

/** Every combination of an occurrence's values along the dimensions asked for. */
function keysOf(e: EventEntity, dimensions: readonly ImpactDimension[], surveys: ImpactSurveys): ImpactKey[] {
  let keys: ImpactKey[] = [{}];
  for (const dimension of dimensions) {
    keys = keys.flatMap((key) => valuesOf(e, dimension, surveys).map((value) => ({ ...key, [dimension]: value })));
  }
  return keys;
}

/**
 * The report over `events` (in start order): totals, and one group per combination of the dimensions'
 * values that occurs, in the order each first occurs: months in time, programs by their first date.
 * Pure: the service reads the rows in a fixed number of statements.
 */
export function impactReport(
  events: readonly EventEntity[], tallies: readonly EventRegistrationTally[], attendees: readonly AttendedMakeups[],
  dimensions: readonly ImpactDimension[], now: Date, surveys: ImpactSurveys = NO_SURVEYS,
): ImpactReport {
  const tallyOf = new Map(tallies.map((t) => [t.eventId, t]));
  const attendeesOf = new Map<string, AttendedMakeups[]>();
  for (const a of attendees) {
    const list = attendeesOf.get(a.eventId);
    if (list) list.push(a);
    else attendeesOf.set(a.eventId, [a]);
  }
  const totals = emptySums();
  const totalSurveys = emptySurveySums();
  const groups = new Map<string, { key: ImpactKey; firstTitle: string; sums: Sums; surveys: SurveySums }>();
  for (const e of events) {
    const tally = tallyOf.get(e.id);
    const answers = surveys.tallies.get(e.id);
    const came = cameByCategory(e, attendeesOf.get(e.id) ?? []);
    add(totals, e, tally, came, now);
    addSurveys(totalSurveys, answers);
    if (!dimensions.length) continue;
    for (const key of keysOf(e, dimensions, surveys)) {
      const id = JSON.stringify(dimensions.map((d) => key[d] ?? null));
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { key, firstTitle: e.title, sums: emptySums(), surveys: emptySurveySums() }));
      add(group.sums, e, tally, came, now);
      addSurveys(group.surveys, answers);
    }
  }
  const figures = (sums: Sums, answers: SurveySums): ImpactFigures => ({ ...figuresOf(sums), ...surveyFiguresOf(answers) });
  return {
    totals: figures(totals, totalSurveys),
    groups: [...groups.values()].map((g) => ({ key: g.key, firstTitle: g.firstTitle, figures: figures(g.sums, g.surveys) })),
  };
}
