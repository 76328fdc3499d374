import type { GraphQLResolveInfo } from 'graphql';
import { selectedFieldsAt } from '../../schema/selected-fields';

/**
 * Which columns of an event a page reads (issue 15). A list reads the core columns always and each
 * further group only when a selected GraphQL field needs it: a "what's on" page that asks for neither
 * the description nor the provenance reads neither. Groups rather than single columns, so a server
 * prepares a handful of statement texts, not one per document.
 */
export const EVENT_COLUMN_GROUPS = {
  core: ['id', 'partnerId', 'seriesId', 'title', 'startsAt', 'endsAt', 'timezone', 'allDay', 'startDate', 'endDate', 'status', 'attendanceMode',
    'audiences', 'categories', 'url', 'organizerName', 'locationId'],
  details: ['description', 'rawAudiences', 'imageUrl', 'offers', 'previousStartsAt'],
  registration: ['registrationMode', 'registrationUrl', 'capacity', 'waitlistCapacity', 'externalWaitlist', 'maxPartySize', 'confirmedCount',
    'waitlistedCount', 'attendedCount', 'seatHolds', 'registrationOpensAt', 'registrationClosesAt', 'reminderHours', 'surveyUrl',
    'waitlistMode', 'inviteHours', 'partyCategories', 'overriddenFields', 'walkIns', 'headCount'],
  record: ['sourceId', 'externalId', 'contentHash', 'fetchedAt', 'removedAt', 'sequence', 'createdAt', 'updatedAt'],
} as const;

export type EventColumnGroup = Exclude<keyof typeof EVENT_COLUMN_GROUPS, 'core'>;
export type EventColumn = (typeof EVENT_COLUMN_GROUPS)[keyof typeof EVENT_COLUMN_GROUPS][number];

/** The optional groups a read takes, in a fixed order (it keys the statement text). */
export type EventColumnGroups = readonly EventColumnGroup[];

export const ALL_EVENT_COLUMN_GROUPS: EventColumnGroups = ['details', 'registration', 'record'];

/**
 * What each Event field reads beyond the core columns. A field missing here (registrations,
 * relatedRecords, provenance, or one added later) reads every column: a new field can cost a wider
 * read, never a wrong answer. test/features/events/event-columns.test.ts checks each field's answer
 * read this way against the full read.
 */
const FIELD_GROUPS: Readonly<Record<string, EventColumnGroups>> = {
  __typename: [], id: [], title: [], startsAt: [], endsAt: [], timezone: [], allDay: [], startDate: [], endDate: [], status: [],
  attendanceMode: [], audiences: [], categories: [], url: [], seriesId: [], organizerName: [], organizer: [], location: [],
  description: ['details'], rawAudiences: ['details'], imageUrl: ['details'], offers: ['details'], previousStartsAt: ['details'],
  registration: ['registration'], overriddenFields: ['registration'], attendance: ['registration'], surveyLink: [],
};

/** The groups a page needs for these selected Event fields; null (unknown selection) reads all of them. */
export function eventColumnGroupsFor(fields: ReadonlySet<string> | null): EventColumnGroups {
  if (!fields) return ALL_EVENT_COLUMN_GROUPS;
  const needed = new Set<EventColumnGroup>();
  for (const field of fields) {
    const groups = FIELD_GROUPS[field];
    if (!groups) return ALL_EVENT_COLUMN_GROUPS;
    for (const group of groups) needed.add(group);
  }
  return ALL_EVENT_COLUMN_GROUPS.filter((group) => needed.has(group));
}

/** The groups an EventConnection field's document needs: what it selects under `edges { node }`. */
export function eventColumnGroupsSelected(info: GraphQLResolveInfo): EventColumnGroups {
  return eventColumnGroupsFor(selectedFieldsAt(info, ['edges', 'node']));
}
