import { Foundation1764230400000 } from './1764230400000-foundation';
import { Catalog1764500000000 } from './1764500000000-catalog';

/** Every migration, in order. Listed explicitly so bundlers and tsx need no glob loading. */
export const MIGRATIONS = [Foundation1764230400000, Catalog1764500000000];
