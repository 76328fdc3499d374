import { Foundation1764230400000 } from './1764230400000-foundation';
import { Services1764400000000 } from './1764400000000-services';

/** Every migration, in order. Listed explicitly so bundlers and tsx need no glob loading. */
export const MIGRATIONS = [Foundation1764230400000, Services1764400000000];
