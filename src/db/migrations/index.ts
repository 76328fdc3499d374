import { Foundation1764230400000 } from './1764230400000-foundation';
import { Sources1764300000000 } from './1764300000000-sources';

/** Every migration, in order. Listed explicitly so bundlers and tsx need no glob loading. */
export const MIGRATIONS = [
  Foundation1764230400000,
  Sources1764300000000,
];
