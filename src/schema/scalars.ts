import { DateTimeResolver } from 'graphql-scalars';

/** RFC 3339 date-time; inputs without an offset are rejected, outputs are always UTC. */
export const DateTime = DateTimeResolver;
