import { Foundation1764230400000 } from './1764230400000-foundation';
import { PartnerAllowedOrigins1764700000000 } from './1764700000000-partner-allowed-origins';

/** Every migration, in order. Listed explicitly so bundlers and tsx need no glob loading. */
export const MIGRATIONS = [Foundation1764230400000, PartnerAllowedOrigins1764700000000];
