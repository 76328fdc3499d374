import { DataSource } from 'typeorm';
import { Context } from '../../context';
import { access, StaffScope } from '../../domain/access';
import { DomainError, ErrorCode } from '../../domain/errors';
import { sqlReaderOf } from '../../db/sql-reader';
import { runWriteTransaction, select } from '../../db/write-transaction';
import { RegistrationEntity } from '../../model/registration.entity';
import { eraseRegistrations } from './registrant-retention';
import { registrantEmail } from './registrant-email';
import { toRegistration } from './registration-programs';

/**
 * A person's registrations by email, within what the key covers: every partner's for an ADMIN key, its
 * own partner's events' for a PARTNER key. No index leads by email (registrations are looked up per
 * event), so this reads the table: a privacy request is rare and staff-only. Erased rows hold '' and
 * never match an address.
 */
const byEmail = (scope: StaffScope, columns: string): string =>
  `SELECT ${columns} FROM "registration" r JOIN "event" e ON e."id" = r."eventId" WHERE r."email" = ?`
  + `${scope.everyPartner ? '' : ' AND e."partnerId" = ?'} ORDER BY r."createdAt", r."id"`;

/**
 * Privacy requests by email (issue 19): what we hold about a person (their registrations, with name and
 * email), and its erasure on request. The erasure is the retention purge's (eraseRegistrations): name
 * and email go, counts stay, nothing is cancelled.
 */
export class PrivacyRequests {
  constructor(private readonly db: DataSource) {}

  async registrantData(ctx: Context, rawEmail: string): Promise<RegistrationEntity[]> {
    const { scope, params } = this.request(ctx, rawEmail, 'registrantData');
    const rows = await sqlReaderOf(this.db).all<Record<string, unknown>>(byEmail(scope, 'r.*'), params);
    return rows.map(toRegistration);
  }

  /** The number of registrations erased now (0 when none holds the address any more). */
  async eraseRegistrant(ctx: Context, rawEmail: string): Promise<number> {
    const { scope, params } = this.request(ctx, rawEmail, 'eraseRegistrant');
    const now = ctx.now.toISOString();
    const erased = await runWriteTransaction(this.db, function* () {
      const ids = (yield* select(byEmail(scope, 'r."id" AS "id"'), params)).map((row) => String(row.id));
      return yield* eraseRegistrations(ids, now);
    });
    // Staff views in this request read the erased rows afresh.
    ctx.loaders.registrationsByEvent.clearAll();
    return erased;
  }

  /** A staff key first (the public learns nothing, not even whether the address is well formed), then the address. */
  private request(ctx: Context, rawEmail: string, action: string): { scope: StaffScope; params: string[] } {
    access.requireKey(ctx.principal, action);
    const scope = access.staffScope(ctx.principal);
    if (!scope.everyPartner && !scope.partnerId) throw new DomainError(ErrorCode.FORBIDDEN, `${action} needs a PARTNER or ADMIN API key.`);
    const email = registrantEmail('email', rawEmail);
    return { scope, params: scope.everyPartner ? [email] : [email, scope.partnerId!] };
  }
}
