import { parseArgs } from 'node:util';
import { Config } from '../config';
import { openDatabase } from '../db/data-source';
import { ApiKeyRole } from '../domain/enums';
import { DomainError } from '../domain/errors';
import { PartnerEntity } from '../model/partner.entity';
import { ApiKeyService } from '../features/partners/api-key.service';
import { CliCommand } from './command';

export const APIKEY_USAGE = `Usage:
  community-graph apikey create --role admin|partner [--partner SLUG] [--label TEXT]
  community-graph apikey list
  community-graph apikey revoke ID

The key is printed once by "create"; only its SHA-256 is stored. Send it as "Authorization: Bearer <key>".`;

class UsageError extends Error {}

/** `community-graph apikey …`: create (prints the secret once), list, revoke. Exit code 2 on usage errors. */
export async function apikeyCommand(argv: string[], config: Config): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: { role: { type: 'string' }, partner: { type: 'string' }, label: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { positionals: [action, ...rest], values } = parsed;
  if (values.help || !action) {
    process.stdout.write(`${APIKEY_USAGE}\n`);
    return;
  }
  const db = await openDatabase(config.database);
  try {
    const keys = new ApiKeyService(db);
    if (action === 'create') {
      const role = (values.role ?? '').toUpperCase();
      if (role !== ApiKeyRole.ADMIN && role !== ApiKeyRole.PARTNER) throw new UsageError(`--role must be admin or partner, got ${JSON.stringify(values.role ?? '')}.`);
      if (role === ApiKeyRole.ADMIN && values.partner) throw new UsageError('--partner applies to partner keys only.');
      let partner: PartnerEntity | null = null;
      if (role === ApiKeyRole.PARTNER) {
        if (!values.partner) throw new UsageError('A partner key needs --partner SLUG.');
        partner = await db.getRepository(PartnerEntity).findOneBy({ slug: values.partner });
        if (!partner) throw new UsageError(`No partner has the slug ${JSON.stringify(values.partner)}.`);
      }
      const label = values.label ?? '';
      if (label.length > 200) throw new UsageError('--label is limited to 200 characters.');
      const { key, secret } = await keys.create({ role: role as ApiKeyRole, partnerId: partner?.id ?? null, label });
      process.stdout.write(`Created ${key.role} API key ${key.id}${partner ? ` for partner ${partner.slug}` : ''}.\n`);
      process.stdout.write(`Key (shown only now; store it in a secret manager):\n${secret}\n`);
      return;
    }
    if (action === 'list') {
      const slugs = new Map((await db.getRepository(PartnerEntity).find()).map((p) => [p.id, p.slug]));
      const rows = (await keys.list()).map((k) => [
        k.id, k.role, k.partnerId ? slugs.get(k.partnerId) ?? k.partnerId : '-', k.createdAt.toISOString(),
        k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active', k.label || '-',
      ]);
      if (rows.length === 0) {
        process.stdout.write('No API keys yet (create one with: community-graph apikey create --role admin).\n');
        return;
      }
      process.stdout.write(table([['ID', 'ROLE', 'PARTNER', 'CREATED', 'STATUS', 'LABEL'], ...rows]));
      return;
    }
    if (action === 'revoke') {
      if (rest.length !== 1) throw new UsageError('revoke takes exactly one key id (see "apikey list").');
      const key = await keys.revoke(rest[0]);
      process.stdout.write(`Revoked API key ${key.id} (${key.role}${key.label ? `, "${key.label}"` : ''}) at ${key.revokedAt!.toISOString()}.\n`);
      return;
    }
    throw new UsageError(`Unknown apikey action ${JSON.stringify(action)}.`);
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    if (error instanceof DomainError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  } finally {
    await db.destroy();
  }
}

function usage(message: string): void {
  process.stderr.write(`${message}\n\n${APIKEY_USAGE}\n`);
  process.exitCode = 2;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}

export const apikeyCliCommand: CliCommand = {
  name: 'apikey',
  summary: 'Create, list or revoke API keys (community-graph apikey --help)',
  run: (args, config) => apikeyCommand(args, config),
};
