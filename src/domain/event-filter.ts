import { Audience, EventStatus, PartnerKind } from './enums';

export interface NearInput {
  lat: number;
  lon: number;
  km: number;
}

/** What a client may ask of the event list; every id is a global id as the client sent it. */
export interface EventFilterInput {
  from?: Date | null;
  to?: Date | null;
  partnerIds?: string[] | null;
  /** Partner slugs as the client sent them (any case). */
  partnerSlugs?: string[] | null;
  kinds?: PartnerKind[] | null;
  audiences?: Audience[] | null;
  categories?: string[] | null;
  text?: string | null;
  status?: EventStatus[] | null;
  near?: NearInput | null;
  /** A calendar day (its time is ignored). */
  on?: Date | null;
  /** IANA zone `on` is read in; default: each partner's own. */
  timeZone?: string | null;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}
