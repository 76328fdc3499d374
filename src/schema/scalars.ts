import { DateResolver, DateTimeResolver } from 'graphql-scalars';

/** RFC 3339 date-time; inputs without an offset are rejected, outputs are always UTC. */
export const DateTime = DateTimeResolver;

/** RFC 3339 full-date (`2026-12-10`), a calendar day with no time zone; parsed to midnight UTC of that day. */
export const DateScalar = DateResolver;
