import { Foundation1764230400000 } from './1764230400000-foundation';
import { Registrations1764600000000 } from './1764600000000-registrations';

/** Every migration, in order. Listed explicitly so bundlers and tsx need no glob loading. */
export const MIGRATIONS = [Foundation1764230400000, Registrations1764600000000];
