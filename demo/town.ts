import { Audience, PartnerKind } from '../src/domain/enums';

/**
 * Millbrook: a small fictional river town written for this project's demo. Every name, address and
 * program below is invented; coordinates sit in open country so no real place is implied.
 */
export const TOWN_TIMEZONE = 'America/Chicago';

/** `address` is complete, as a mail merge needs it: "street, city, state ZIP". */
export interface DemoLocation { key: string; code?: string; name: string; address: string; lat: number; lon: number; accessibility?: string }
export interface DemoPartner { slug: string; name: string; kind: PartnerKind; website: string; locations: DemoLocation[] }

export const PARTNERS: DemoPartner[] = [
  {
    slug: 'millbrook-library', name: 'Millbrook Public Library', kind: PartnerKind.LIBRARY, website: 'https://library.millbrook.example',
    locations: [
      { key: 'central', code: 'CEN', name: 'Central Library', address: '100 Commons Square, Millbrook, IA 52799', lat: 41.5002, lon: -90.6001, accessibility: 'Step-free entrance on Commons Square; elevator to all floors; hearing loop in the auditorium.' },
      { key: 'eastside', code: 'EAS', name: 'Eastside Branch', address: '2200 Orchard Avenue, Millbrook, IA 52798', lat: 41.5049, lon: -90.5624, accessibility: 'Single level; accessible parking by the door.' },
      { key: 'riverside', code: 'RIV', name: 'Riverside Branch', address: '15 Towpath Lane, Millbrook, IA 52799', lat: 41.4921, lon: -90.6302, accessibility: 'Ramp at the north door; the makerspace is on the ground floor.' },
    ],
  },
  {
    slug: 'millbrook-schools', name: 'Millbrook Unified School District', kind: PartnerKind.SCHOOL, website: 'https://schools.millbrook.example',
    locations: [
      { key: 'high', name: 'Millbrook High School', address: '400 Scholar Way, Millbrook, IA 52798', lat: 41.5101, lon: -90.5903, accessibility: 'Auditorium has wheelchair seating in rows A and M.' },
      { key: 'district', name: 'District Office', address: '12 Bell Street, Millbrook, IA 52799', lat: 41.4987, lon: -90.6050 },
    ],
  },
  {
    slug: 'millbrook-museum', name: 'Millbrook Museum of River History', kind: PartnerKind.MUSEUM, website: 'https://museum.millbrook.example',
    locations: [
      { key: 'museum', name: 'Millbrook Museum of River History', address: '1 Lock Street, Millbrook, IA 52799', lat: 41.4968, lon: -90.6143, accessibility: 'All galleries step-free; wheelchairs to borrow at the desk; quiet room on level 2.' },
    ],
  },
  {
    slug: 'millbrook-food-share', name: 'Millbrook Food Share', kind: PartnerKind.NONPROFIT, website: 'https://foodshare.millbrook.example',
    locations: [{ key: 'pantry', name: 'Food Share Pantry', address: '78 Mill Road, Millbrook, IA 52799', lat: 41.4893, lon: -90.5811 }],
  },
  {
    slug: 'riverbend-literacy', name: 'Riverbend Literacy Council', kind: PartnerKind.NONPROFIT, website: 'https://literacy.riverbend.example',
    locations: [{ key: 'learning-center', name: 'Riverbend Learning Center', address: '9 Ferry Street, Millbrook, IA 52799', lat: 41.4935, lon: -90.6215 }],
  },
];

/** How an event repeats in the demo: once, weekly on a weekday, or monthly on the nth weekday. */
export type DemoSchedule =
  | { kind: 'once'; weekOffset: number; weekday: number }
  | { kind: 'weekly'; weekday: number }
  | { kind: 'monthly'; nth: number; weekday: number };

export interface DemoProgram {
  key: string;
  partner: string;
  location: string;
  title: string;
  description: string;
  schedule: DemoSchedule;
  /** Local wall time "HH:mm" and duration; absent means all-day. */
  time?: string;
  minutes?: number;
  days?: number;
  audiences: Audience[];
  rawAudiences: string[];
  categories: string[];
  capacity?: number;
  waitlist?: number;
  maxPartySize?: number;
  externalRegistration?: string;
  /**
   * How sought-after the program is: the people who try to register for a date a week or less away,
   * as a share of capacity (above 1, some are waitlisted or turned away). Dates further ahead have
   * fewer so far, and each date varies around it (demo/occurrence-registrations.ts).
   */
  popularity?: number;
  /** Relative weights of party sizes 1, 2, 3...: a seniors' help desk is mostly one person, a family program a few. */
  partySizes?: number[];
  /** Dates a real calendar would have called off, by week of the demo (0 = this week), with the notice shown. */
  cancelled?: Array<{ week: number; notice: string }>;
}

/**
 * Programs stored as native events: those taking registrations through Community Graph (NATIVE) and
 * the nonprofits' programs their HSDS listings do not carry. Everything a partner publishes itself
 * comes in through the real sync path instead (demo/sources.ts): the library's drop-in programs and
 * the school calendar (iCalendar), the library's LibCal-registered programs (Teen Makerspace, the
 * author talk: LibCal), the museum's exhibition, gallery walk and ticketed talk (JSON-LD). Each
 * program is in exactly one of these places.
 */
export const PROGRAMS: DemoProgram[] = [
  { key: 'tech-help', partner: 'millbrook-library', location: 'central', title: 'Tech Help for Seniors', description: 'One-on-one help with phones, tablets and email. Bring your device.', schedule: { kind: 'weekly', weekday: 5 }, time: '14:00', minutes: 60, audiences: [Audience.SENIORS], rawAudiences: ['Older adults'], categories: ['Technology'], capacity: 8, waitlist: 3, maxPartySize: 2, popularity: 1.3, partySizes: [6, 1],
    cancelled: [{ week: 4, notice: 'Cancelled this week: the library is closed for the winter holiday.' }] },
  { key: 'lego-club', partner: 'millbrook-library', location: 'central', title: 'Lego Build Club', description: 'Build to a new theme each week; bricks provided. Ages 6 to 11; a grown-up stays for under-8s.', schedule: { kind: 'weekly', weekday: 3 }, time: '16:00', minutes: 60, audiences: [Audience.KIDS], rawAudiences: ['Ages 6-11'], categories: ['STEM', 'Kids'], capacity: 16, waitlist: 4, maxPartySize: 3, popularity: 0.9, partySizes: [3, 4, 1] },
  { key: 'family-science', partner: 'millbrook-museum', location: 'museum', title: 'Family Science Saturday', description: 'Build a boat that floats the most pennies. Ages 5 and up with an adult.', schedule: { kind: 'weekly', weekday: 6 }, time: '10:00', minutes: 90, audiences: [Audience.KIDS, Audience.FAMILIES], rawAudiences: ['Ages 5+ with adult'], categories: ['STEM', 'Family'], capacity: 30, waitlist: 10, maxPartySize: 5, popularity: 1, partySizes: [1, 4, 4, 2, 1] },
  { key: 'pantry-volunteers', partner: 'millbrook-food-share', location: 'pantry', title: 'Pantry Volunteer Shift', description: 'Sort and pack groceries. Closed-toe shoes, please. Ages 14+ (under 16 with an adult).', schedule: { kind: 'weekly', weekday: 2 }, time: '17:00', minutes: 150, audiences: [Audience.TEENS, Audience.ADULTS], rawAudiences: ['Volunteers 14+'], categories: ['Volunteering'], capacity: 15, waitlist: 5, maxPartySize: 4, popularity: 0.55, partySizes: [6, 3, 1, 1],
    cancelled: [{ week: 2, notice: 'Cancelled this week: no shift lead is free. See you next Tuesday.' }] },
  { key: 'community-meal', partner: 'millbrook-food-share', location: 'pantry', title: 'Community Supper', description: 'A free hot meal; everyone welcome, no questions asked.', schedule: { kind: 'weekly', weekday: 4 }, time: '17:30', minutes: 90, audiences: [Audience.ALL_AGES], rawAudiences: ['Everyone'], categories: ['Food'] },
  { key: 'esl-circle', partner: 'riverbend-literacy', location: 'learning-center', title: 'English Conversation Circle', description: 'Practice everyday English with friendly volunteers. All levels.', schedule: { kind: 'weekly', weekday: 1 }, time: '18:00', minutes: 60, audiences: [Audience.ADULTS], rawAudiences: ['Adult learners'], categories: ['ESL', 'Literacy'] },
  { key: 'ged-tutoring', partner: 'riverbend-literacy', location: 'learning-center', title: 'GED Study Group', description: 'Tutored study for the GED math and reasoning tests.', schedule: { kind: 'weekly', weekday: 3 }, time: '18:00', minutes: 90, audiences: [Audience.ADULTS], rawAudiences: ['Adults 18+'], categories: ['Adult education'], capacity: 10, waitlist: 5, maxPartySize: 1, popularity: 1.6 },
];

/** The partners' own iCalendar feeds (demo/feeds/*.ics), loaded through the sync engine like any source. */
export const DEMO_FEEDS: Array<{ partner: string; file: string }> = [
  { partner: 'millbrook-library', file: 'millbrook-library.ics' },
  { partner: 'millbrook-schools', file: 'millbrook-schools.ics' },
];
