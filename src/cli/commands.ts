import type { CliCommand } from './command';

/* eslint-disable @typescript-eslint/no-require-imports -- each implementation is required when its command runs, not before */

/**
 * Every command, one implementation file each under src/cli/, in the order `--help` lists them. The
 * names, summaries and usages live here, apart from the code, so `--help`, `help <name>` and a usage
 * mistake answer without loading TypeORM, the services or the demo (a second or more on a small
 * machine; docs/configuration.md, "The community-graph command").
 */
export const COMMANDS: readonly CliCommand[] = [
  {
    name: 'serve',
    summary: 'Start the GraphQL gateway (migrates the database; loads the demo into an empty one unless DEMO=off)',
    usage: `Usage: community-graph serve

Configuration (PORT, DATABASE_URL, DEMO, ...) comes from the environment; see docs/configuration.md.`,
    load: () => (require('./serve.command') as typeof import('./serve.command')).serveCommand,
  },
  {
    name: 'migrate',
    summary: 'Bring the database schema up to date, then exit',
    usage: 'Usage: community-graph migrate',
    load: () => (require('./migrate.command') as typeof import('./migrate.command')).migrateCommand,
  },
  {
    name: 'seed',
    summary: 'Load the Millbrook demo community into an empty database (--force to add it anyway)',
    usage: 'Usage: community-graph seed [--force]',
    load: () => (require('./seed.command') as typeof import('./seed.command')).seedCommand,
  },
  {
    name: 'partners',
    summary: 'Add or list partners (partners add --slug ... | partners list)',
    usage: `Usage:
  community-graph partners add --slug SLUG --name NAME --kind LIBRARY|SCHOOL|MUSEUM|NONPROFIT --timezone ZONE [--website URL]
  community-graph partners list [--json]`,
    load: () => (require('./partners.command') as typeof import('./partners.command')).partnersCommand,
  },
  {
    name: 'sources',
    summary: 'Add, list or check partner feeds (sources add --partner ... | sources list | sources check URL --format F)',
    usage: `Usage:
  community-graph sources add --partner SLUG --format ICALENDAR --url URL [--refresh-minutes N] [--expand-from ISO] [--expand-to ISO]
  community-graph sources list [--partner SLUG] [--json]
  community-graph sources check URL --format FORMAT [--timezone ZONE | --partner SLUG] [--expand-from ISO] [--expand-to ISO] [--options JSON]`,
    load: () => (require('./sources.command') as typeof import('./sources.command')).sourcesCommand,
  },
  {
    name: 'sync',
    summary: 'Pull partner feeds now (sync --source ID | sync --all)',
    usage: `Usage:
  community-graph sync --source ID
  community-graph sync --all

Prints a line before and after each source; a source that fails prints "FAILED: <reason>" and the
status is 1.`,
    load: () => (require('./sync.command') as typeof import('./sync.command')).syncCommand,
  },
  {
    name: 'registrations',
    summary: 'Erase registrants\' data past REGISTRANT_RETENTION_DAYS (registrations purge [--dry-run])',
    usage: `Usage:
  community-graph registrations purge [--dry-run]

Erases the name and email of every registration whose event ended more than REGISTRANT_RETENTION_DAYS
(default 90) days ago, and the address of the mail stored for it; counts, statuses and check-ins stay.
The server does the same every hour. --dry-run prints how many would go, per event, and changes nothing.`,
    load: () => (require('./registrations.command') as typeof import('./registrations.command')).registrationsCommand,
  },
  {
    name: 'apikey',
    summary: 'Create, list or revoke API keys (community-graph apikey --help)',
    usage: `Usage:
  community-graph apikey create --role admin|partner [--partner SLUG] [--label TEXT]
  community-graph apikey list [--json]
  community-graph apikey revoke ID

The key is printed once by "create"; only its SHA-256 is stored. Send it as "Authorization: Bearer <key>".`,
    load: () => (require('./apikey.command') as typeof import('./apikey.command')).apikeyCliCommand,
  },
];
