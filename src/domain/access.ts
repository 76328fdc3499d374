import { ApiKeyRole } from './enums';
import { DomainError, ErrorCode } from './errors';
import { Principal } from './principal';

/** Every partner (an admin), one partner (its PARTNER key) or none (the public). */
export interface StaffScope {
  everyPartner: boolean;
  partnerId: string | null;
}

/**
 * The one authorization layer. Services call these before acting or revealing private data; resolvers
 * never decide access themselves. PUBLIC reads public data and registers; a PARTNER key acts for its
 * own partner only; ADMIN manages partners, sources and keys.
 */
export const access = {
  isAdmin(principal: Principal): boolean {
    return principal.role === ApiKeyRole.ADMIN;
  },

  /** Staff of this partner (its PARTNER key) or an admin. */
  actsFor(principal: Principal, partnerId: string): boolean {
    return access.coversPartner(access.staffScope(principal), partnerId);
  },

  /**
   * The partners a principal acts for, as data: for a decision taken where the partner is not known
   * yet (inside the database, as PostgreSQL's register_party does), with actsFor's exact meaning.
   */
  staffScope(principal: Principal): StaffScope {
    if (principal.role === ApiKeyRole.ADMIN) return { everyPartner: true, partnerId: null };
    return { everyPartner: false, partnerId: principal.role === ApiKeyRole.PARTNER ? principal.partnerId : null };
  },

  coversPartner(scope: StaffScope, partnerId: string): boolean {
    return scope.everyPartner || scope.partnerId === partnerId;
  },

  /** Any valid key; the partner check follows once the target is loaded (so the public learns nothing). */
  requireKey(principal: Principal, action: string): void {
    if (principal.role === 'PUBLIC') throw unauthenticated(action);
  },

  requireAdmin(principal: Principal, action: string): void {
    if (principal.role === 'PUBLIC') throw unauthenticated(action);
    if (principal.role !== ApiKeyRole.ADMIN) throw new DomainError(ErrorCode.FORBIDDEN, `${action} needs an ADMIN API key.`);
  },

  requirePartner(principal: Principal, partnerId: string, action: string): void {
    if (principal.role === 'PUBLIC') throw unauthenticated(action);
    if (!access.actsFor(principal, partnerId)) {
      throw new DomainError(ErrorCode.FORBIDDEN, `${action} needs this partner's API key or an ADMIN key.`);
    }
  },
};

function unauthenticated(action: string): DomainError {
  return new DomainError(ErrorCode.UNAUTHENTICATED, `${action} needs an API key (Authorization: Bearer <key>).`);
}
