import { ServiceStatus } from '../../domain/enums';
import { NearInput } from '../../domain/event-filter';

/** Query.services(filter:) as the services layer receives it (GraphQL input, ids still global). */
export interface ServiceFilterInput {
  text?: string | null;
  /** Any of these taxonomy terms (name or code, case-insensitive). */
  categories?: string[] | null;
  near?: NearInput | null;
  /** Only services open at this instant (read in each location's own time). */
  openAt?: Date | null;
  /** Only services whose age range admits this age in years. */
  age?: number | null;
  /** Offered in this language (name or ISO code, case-insensitive). */
  language?: string | null;
  status?: ServiceStatus[] | null;
  partnerIds?: string[] | null;
  /** Partner slugs as the client sent them (any case). */
  partnerSlugs?: string[] | null;
}

/** Keyset position in a list ordered by (name, id); opaque to clients. */
export interface ServiceCursor {
  name: string;
  id: string;
}
