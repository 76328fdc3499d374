import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { SourceFormat } from '../../datasources/adapter';
import { PartnerKind, SourceStatus, SyncStatus } from '../../domain/enums';
import { Node } from '../../schema/node.interface';
import { DateTime } from '../../schema/scalars';
import { PLAIN_FIELDS } from '../../schema/plain-fields';

registerEnumType(SourceFormat, {
  name: 'SourceFormat',
  description: 'The wire format a partner source publishes.',
  valuesConfig: {
    ICALENDAR: { description: 'An iCalendar (RFC 5545) feed of events; recurrences are expanded.' },
    JSONLD: { description: 'schema.org Event JSON-LD, in an HTML page or a JSON-LD document.' },
    HSDS: { description: 'Open Referral HSDS 3: an HSDA API, a JSON file or a tabular data package of service listings.' },
    LIBCAL: { description: 'Springshare LibCal events (its API, or a saved /1.1/events response), with registration counts.' },
    MARC: { description: 'A library catalog export in MARC 21 (ISO 2709 or MARCXML), with holdings.' },
    ILS_AVAILABILITY: { description: 'A library ILS answering live availability (ILS-DI or RTAC); read per request, never synced.' },
    GRAPHQL: { description: 'Another GraphQL API through a query mapping ({} for another Community Graph).' },
  },
});
registerEnumType(SourceStatus, {
  name: 'SourceStatus',
  description: 'Health of a source, from its sync history.',
  valuesConfig: {
    OK: { description: 'The last sync succeeded, within two refresh intervals.' },
    STALE: { description: 'No success for longer than two refresh intervals (or never yet): the data is older than promised.' },
    FAILING: { description: 'The last attempt failed; the last good data is still served.' },
  },
});
registerEnumType(SyncStatus, {
  name: 'SyncStatus',
  description: 'The outcome of one sync.',
  valuesConfig: {
    OK: { description: 'Every item was stored.' },
    NOT_MODIFIED: { description: 'The partner answered 304 Not Modified: nothing was parsed or written.' },
    PARTIAL: { description: 'Stored, but some items were skipped (see skippedItems).' },
    FAILED: { description: 'Nothing changed; see error. The last good data is still served.' },
  },
});

@ObjectType('Source', { ...PLAIN_FIELDS, implements: Node, description: 'One feed of a partner, and how its syncs are going.' })
export class Source extends Node {
  @Field(() => SourceFormat, { description: 'The wire format of the feed, which picks the adapter that reads it.' })
  format!: SourceFormat;

  @Field(() => String, { nullable: true, description: 'The feed\'s own title (e.g. the calendar name), once synced.' })
  title!: string | null;

  @Field(() => Int, { description: 'Minutes between scheduled syncs (5 to 10080); after failures the scheduler backs off, up to 24 hours.' })
  refreshMinutes!: number;

  @Field(() => DateTime, { nullable: true, description: 'When a sync last succeeded (UTC); null until the first success.' })
  lastSuccessAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When a sync was last tried, successful or not (UTC); null until the first attempt.' })
  lastAttemptAt!: Date | null;

  @Field(() => Int, { description: 'Items stored from the last successful sync.' })
  itemCount!: number;

  @Field(() => String, { nullable: true, description: 'The version of the format the feed last turned out to be, for formats that have several (HSDS "1.x/2.x tabular", "3.x JSON", "3.x API"...).' })
  formatVersion!: string | null;
}

@ObjectType('SyncSkip', { ...PLAIN_FIELDS, description: 'One item a sync skipped: why, and where it is in the feed.' })
export class SyncSkip {
  @Field(() => String, { description: 'Why it was skipped, in a sentence (English); never the feed\'s content beyond a short identifier.' })
  reason!: string;

  @Field(() => Int, { nullable: true, description: 'Line of the item in a text feed (iCalendar, a CSV row).' })
  line!: number | null;

  @Field(() => Int, { nullable: true, description: 'Byte offset of the item in a binary feed (MARC ISO 2709).' })
  offset!: number | null;

  @Field(() => String, { nullable: true, description: 'The item\'s own id or a short reference (UID, 001, resource name).' })
  ref!: string | null;
}

@ObjectType('SyncSkips', { ...PLAIN_FIELDS, description: 'What the last stored sync skipped (its status was PARTIAL).' })
export class SyncSkips {
  @Field(() => Int, { description: 'How many items were skipped.' })
  count!: number;

  @Field(() => [SyncSkip], { description: 'The first 20 of them.' })
  reasons!: SyncSkip[];
}

@ObjectType('SkippedItem', { ...PLAIN_FIELDS, description: 'An item of a feed that could not be used, with the reason.' })
export class SkippedItem {
  @Field(() => String, { nullable: true, description: 'The feed\'s own id of the item (e.g. an iCalendar UID); null when it had none.' })
  externalId?: string | null;

  @Field(() => String, { description: 'Why it was skipped, in a sentence (English), e.g. "DTSTART is not a date or date-time".' })
  reason!: string;

  @Field(() => Int, { nullable: true, description: 'Line of the item in a text feed.' })
  line?: number | null;

  @Field(() => Int, { nullable: true, description: 'Byte offset of the item in a binary feed (MARC ISO 2709).' })
  offset?: number | null;
}

@ObjectType('SyncReport', { ...PLAIN_FIELDS, description: 'What one sync of a source did.' })
export class SyncReport {
  @Field(() => SyncStatus, { description: 'The outcome of the sync.' })
  status!: SyncStatus;

  @Field(() => Int, { description: 'Items stored for the first time.' })
  created!: number;

  @Field(() => Int, { description: 'Items whose content changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Items gone from the feed, now CANCELLED with removedAt.' })
  removed!: number;

  @Field(() => Int, { description: 'Items seen again with the same content (not written).' })
  unchanged!: number;

  @Field(() => Int, { description: 'Items the feed carried that could not be used (listed in skippedItems).' })
  skipped!: number;

  @Field(() => [SkippedItem], { description: 'The skipped items, each with its reason.' })
  skippedItems!: SkippedItem[];

  @Field(() => [String], { description: 'What was read leniently, though the feed said otherwise (e.g. MARC records declared MARC-8 that were UTF-8).' })
  notes!: string[];

  @Field(() => Int, { description: 'Wall-clock time the sync took, in milliseconds.' })
  durationMs!: number;

  @Field(() => String, { nullable: true, description: 'Why the sync failed, when status is FAILED; null otherwise.' })
  error!: string | null;
}

@ObjectType('EventProvenance', { ...PLAIN_FIELDS, description: 'Where a synced event came from.' })
export class EventProvenance {
  @Field(() => String, { description: 'Global id of the Source.' })
  sourceId!: string;

  @Field(() => String, { description: 'The partner\'s own id of this occurrence (e.g. UID + recurrence instance).' })
  externalId!: string;

  @Field(() => DateTime, { description: 'When this event was last confirmed by its feed.' })
  fetchedAt!: Date;

  @Field(() => Boolean, { description: 'True when the source is not OK (failing or late), or the event left its feed.' })
  stale!: boolean;
}

@ObjectType('CatalogRecordProvenance', { ...PLAIN_FIELDS, description: 'Where a catalog record came from (a MARC file, another town\'s Community Graph).' })
export class CatalogRecordProvenance {
  @Field(() => String, { description: 'Global id of the Source.' })
  sourceId!: string;

  @Field(() => String, { description: 'The source\'s own id of the record: the MARC 001, or the other Community Graph\'s global record id.' })
  externalId!: string;

  @Field(() => DateTime, { description: 'When this record was last confirmed by its source.' })
  fetchedAt!: Date;

  @Field(() => Boolean, { description: 'True when the source is not OK (failing or late), or the record left it.' })
  stale!: boolean;
}

@InputType('AddPartnerInput', { description: 'A new partner organization.' })
export class AddPartnerInput {
  @Field(() => String, { description: 'URL-safe handle, unique: lower-case words joined by "-", at most 64 characters, e.g. millbrook-schools.' })
  slug!: string;

  @Field(() => String, { description: 'The organization\'s name: 1 to 200 characters.' })
  name!: string;

  @Field(() => PartnerKind, { description: 'What kind of organization it is.' })
  kind!: PartnerKind;

  @Field(() => String, { description: 'IANA time zone, e.g. America/Chicago.' })
  timezone!: string;

  @Field(() => String, { nullable: true, description: 'Its own website, an http(s) URL; optional.' })
  website?: string | null;
}

@InputType('AddSourceInput', { description: 'A new feed of a partner.' })
export class AddSourceInput {
  @Field(() => ID, { description: 'Global id of the Partner.' })
  partnerId!: string;

  @Field(() => SourceFormat, { description: 'The feed\'s wire format; must be one this server has an adapter for.' })
  format!: SourceFormat;

  @Field(() => String, { description: 'The feed URL: http: or https: (file: URLs only through the community-graph CLI). One source per partner, format and URL.' })
  url!: string;

  @Field(() => Int, { nullable: true, description: 'Minutes between scheduled syncs (5 to 10080; default 60).' })
  refreshMinutes?: number | null;

  @Field(() => DateTime, { nullable: true, description: 'Expand recurrences from here instead of 30 days back (archives, past school years).' })
  expandFrom?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Expand recurrences up to here instead of 400 days ahead.' })
  expandTo?: Date | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Format-specific settings (README "Partner formats"): e.g. LibCal clientId/clientSecret/calendarId, an ILS_AVAILABILITY protocol ("ILSDI" or "RTAC"), a GRAPHQL query mapping ({} for another Community Graph). Never returned by the API.',
  })
  options?: Record<string, unknown> | null;
}
