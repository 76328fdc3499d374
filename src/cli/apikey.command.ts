import { parseArgs } from 'node:util';
import { Config } from '../config';
import { openDatabase } from '../db/data-source';
import { ApiKeyRole } from '../domain/enums';
import { ApiKeyEntity } from '../model/api-key.entity';
import { PartnerEntity } from '../model/partner.entity';
import { ApiKeyService } from '../features/partners/api-key.service';
import { CliCommandRun, CliIO, CliUsageError } from './command';
import { Column, printList } from './table.print';

interface KeyRow { key: ApiKeyEntity; partner: string | null }

const COLUMNS: Column<KeyRow>[] = [
  { header: 'ID', key: 'id', value: (r) => r.key.id },
  { header: 'ROLE', key: 'role', value: (r) => r.key.role },
  { header: 'PARTNER', key: 'partner', value: (r) => r.partner },
  { header: 'CREATED', key: 'createdAt', value: (r) => r.key.createdAt.toISOString() },
  { header: 'STATUS', key: 'status', value: (r) => (r.key.revokedAt ? 'revoked' : 'active') },
  { header: 'REVOKED', key: 'revokedAt', value: (r) => r.key.revokedAt?.toISOString() ?? null },
  { header: 'LABEL', key: 'label', value: (r) => r.key.label || null },
];

/**
 * `community-graph apikey …`: create (prints the secret once), list, revoke. Works on the database
 * alone (no services): it is how the first admin key comes to exist.
 */
async function apikeyCommand(argv: string[], config: Config, io: CliIO): Promise<void> {
  const { positionals: [action, ...rest], values } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: { role: { type: 'string' }, partner: { type: 'string' }, label: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (!action) throw new CliUsageError('apikey needs an action: create, list or revoke.');
  if (!['create', 'list', 'revoke'].includes(action)) throw new CliUsageError(`Unknown apikey action ${JSON.stringify(action)}.`);
  if (values.json && action !== 'list') throw new CliUsageError('--json applies to apikey list only.');
  const db = await openDatabase(config.database);
  try {
    const keys = new ApiKeyService(db);
    if (action === 'create') {
      const role = (values.role ?? '').toUpperCase();
      if (role !== ApiKeyRole.ADMIN && role !== ApiKeyRole.PARTNER) throw new CliUsageError(`--role must be admin or partner, got ${JSON.stringify(values.role ?? '')}.`);
      if (role === ApiKeyRole.ADMIN && values.partner) throw new CliUsageError('--partner applies to partner keys only.');
      let partner: PartnerEntity | null = null;
      if (role === ApiKeyRole.PARTNER) {
        if (!values.partner) throw new CliUsageError('A partner key needs --partner SLUG.');
        partner = await db.getRepository(PartnerEntity).findOneBy({ slug: values.partner });
        if (!partner) throw new CliUsageError(`No partner has the slug ${JSON.stringify(values.partner)}.`);
      }
      const label = values.label ?? '';
      if (label.length > 200) throw new CliUsageError('--label is limited to 200 characters.');
      const { key, secret } = await keys.create({ role: role as ApiKeyRole, partnerId: partner?.id ?? null, label });
      io.out(`Created ${key.role} API key ${key.id}${partner ? ` for partner ${partner.slug}` : ''}.\n`);
      io.out(`Key (shown only now; store it in a secret manager):\n${secret}\n`);
      return;
    }
    if (action === 'list') {
      const slugs = new Map((await db.getRepository(PartnerEntity).find()).map((p) => [p.id, p.slug]));
      const rows = (await keys.list()).map((key) => ({ key, partner: key.partnerId ? slugs.get(key.partnerId) ?? key.partnerId : null }));
      printList(io, COLUMNS, rows, { json: values.json, emptyHint: 'No API keys yet (create one with: community-graph apikey create --role admin).' });
      return;
    }
    if (rest.length !== 1) throw new CliUsageError('revoke takes exactly one key id (see "apikey list").');
    // An unknown id is a DomainError: main.ts prints its message, status 1.
    const key = await keys.revoke(rest[0]);
    io.out(`Revoked API key ${key.id} (${key.role}${key.label ? `, "${key.label}"` : ''}) at ${key.revokedAt!.toISOString()}.\n`);
  } finally {
    await db.destroy();
  }
}

export const apikeyCliCommand: CliCommandRun = {
  run: apikeyCommand,
};
