import { ServiceStatus } from '../../domain/enums';
import { OpeningHoursRule } from './opening-hours';
import { NormalizedEvent, NormalizedPlace } from '../adapter';

/**
 * What a listings adapter (HSDS today) hands the services sink: one service, format-neutral, with
 * everything nested. `kind: 'services'` in the PullResult routes these to the services sink.
 */
export const SERVICES_KIND = 'services';

export interface ServicePhone {
  number: string;
  extension: string | null;
  type: string | null;
  description: string | null;
  languages: string[];
}

export interface ServiceContact {
  name: string | null;
  title: string | null;
  department: string | null;
  email: string | null;
  phones: ServicePhone[];
}

export interface ServiceCostOption {
  option: string | null;
  amount: number | null;
  currency: string | null;
  amountDescription: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface ServiceLocation extends NormalizedPlace {
  /** The publisher's id for the location; the sink keys the partner's Location row on it. */
  externalId: string;
  accessibility: string | null;
  /** physical | postal | virtual (HSDS location_type). */
  locationType: string | null;
}

export interface NormalizedService {
  externalId: string;
  name: string;
  alternateName: string | null;
  description: string | null;
  url: string | null;
  email: string | null;
  status: ServiceStatus;
  /** The publisher's organization name (the partner is the source's; a 211 directory may name many). */
  organizationName: string | null;
  eligibilityDescription: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  applicationProcess: string | null;
  /** fees_description (HSDS 3) or fees (HSDS 2), as written. */
  fees: string | null;
  costOptions: ServiceCostOption[];
  /** Language names and ISO codes as published ("Urdu", "ur"). */
  languages: string[];
  /** Taxonomy term names (HSDS attributes / taxonomy_terms). */
  categories: string[];
  /** Taxonomy term codes, when the taxonomy has them (e.g. AIRS "BD-1800"). */
  categoryCodes: string[];
  phones: ServicePhone[];
  contacts: ServiceContact[];
  locations: ServiceLocation[];
  /** Regular opening hours; stay on the service. */
  hours: OpeningHoursRule[];
  /**
   * Dated sessions (one-off schedules, HSDS `events`): the sink hands them to the events sink, so
   * they become Events of the nonprofit. Excluded from the service's content hash.
   */
  sessions: NormalizedEvent[];
  /** HSDS last_modified, ISO text. */
  lastModified: string | null;
}
