import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { SourceFormat } from '../datasources/adapter';
import { PartnerKind } from './enums';
import { Node } from './node.interface';
import { DateTime } from './scalars';

export enum SourceHealth { OK = 'OK', STALE = 'STALE', FAILING = 'FAILING' }
export enum SyncStatus { OK = 'OK', NOT_MODIFIED = 'NOT_MODIFIED', PARTIAL = 'PARTIAL', FAILED = 'FAILED' }

registerEnumType(SourceFormat, { name: 'SourceFormat', description: 'The wire format a partner source publishes.' });
registerEnumType(SourceHealth, {
  name: 'SourceStatus',
  description: 'OK: the last sync succeeded within two refresh intervals. STALE: no success for longer (data is older than promised). FAILING: the last attempt failed; the last good data is still served.',
});
registerEnumType(SyncStatus, {
  name: 'SyncStatus',
  description: 'OK: stored. NOT_MODIFIED: the partner answered 304 (nothing parsed or written). PARTIAL: stored, but some items were skipped (see skippedItems). FAILED: nothing changed; see error.',
});

@ObjectType('Source', { implements: Node, description: 'One feed of a partner, and how its syncs are going.' })
export class Source extends Node {
  @Field(() => SourceFormat)
  format!: SourceFormat;

  @Field(() => String, { nullable: true, description: 'The feed\'s own title (e.g. the calendar name), once synced.' })
  title!: string | null;

  @Field(() => Int)
  refreshMinutes!: number;

  @Field(() => DateTime, { nullable: true })
  lastSuccessAt!: Date | null;

  @Field(() => DateTime, { nullable: true })
  lastAttemptAt!: Date | null;

  @Field(() => Int, { description: 'Items stored from the last successful sync.' })
  itemCount!: number;

  @Field(() => String, { nullable: true, description: 'The version of the format the feed last turned out to be, for formats that have several (HSDS "1.x/2.x tabular", "3.x JSON", "3.x API"...).' })
  formatVersion!: string | null;
}

@ObjectType('SyncSkip', { description: 'One item a sync skipped: why, and where it is in the feed.' })
export class SyncSkipType {
  @Field(() => String)
  reason!: string;

  @Field(() => Int, { nullable: true, description: 'Line of the item in a text feed (iCalendar, a CSV row).' })
  line!: number | null;

  @Field(() => Int, { nullable: true, description: 'Byte offset of the item in a binary feed (MARC ISO 2709).' })
  offset!: number | null;

  @Field(() => String, { nullable: true, description: 'The item\'s own id or a short reference (UID, 001, resource name).' })
  ref!: string | null;
}

@ObjectType('SyncSkips', { description: 'What the last stored sync skipped (its status was PARTIAL).' })
export class SyncSkipsType {
  @Field(() => Int, { description: 'How many items were skipped.' })
  count!: number;

  @Field(() => [SyncSkipType], { description: 'The first 20 of them.' })
  reasons!: SyncSkipType[];
}

@ObjectType('SkippedItem', { description: 'An item of a feed that could not be used, with the reason.' })
export class SkippedItemType {
  @Field(() => String, { nullable: true })
  externalId!: string | null;

  @Field(() => String)
  reason!: string;

  @Field(() => Int, { nullable: true, description: 'Line of the item in a text feed.' })
  line?: number | null;

  @Field(() => Int, { nullable: true, description: 'Byte offset of the item in a binary feed (MARC ISO 2709).' })
  offset?: number | null;
}

@ObjectType('SyncReport', { description: 'What one sync of a source did.' })
export class SyncReportType {
  @Field(() => SyncStatus)
  status!: SyncStatus;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int, { description: 'Items gone from the feed, now CANCELLED with removedAt.' })
  removed!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  skipped!: number;

  @Field(() => [SkippedItemType])
  skippedItems!: SkippedItemType[];

  @Field(() => [String], { description: 'What was read leniently, though the feed said otherwise (e.g. MARC records declared MARC-8 that were UTF-8).' })
  notes!: string[];

  @Field(() => Int)
  durationMs!: number;

  @Field(() => String, { nullable: true })
  error!: string | null;
}

@ObjectType('EventProvenance', { description: 'Where a synced event came from.' })
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

@ObjectType('CatalogRecordProvenance', { description: 'Where a catalog record came from (a MARC file, another town\'s Community Graph).' })
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

@InputType('AddPartnerInput')
export class AddPartnerInput {
  @Field(() => String, { description: 'URL-safe handle, e.g. millbrook-schools.' })
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => PartnerKind)
  kind!: PartnerKind;

  @Field(() => String, { description: 'IANA time zone, e.g. America/Chicago.' })
  timezone!: string;

  @Field(() => String, { nullable: true })
  website?: string | null;
}

@InputType('AddSourceInput')
export class AddSourceInput {
  @Field(() => ID, { description: 'Global id of the Partner.' })
  partnerId!: string;

  @Field(() => SourceFormat)
  format!: SourceFormat;

  @Field(() => String, { description: 'http:, https: or file: URL of the feed.' })
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
