import { ApiKeyRole } from './enums';

/** Who is asking. PUBLIC needs no key; PARTNER keys act for exactly one partner. */
export type Principal =
  | { role: 'PUBLIC' }
  | { role: ApiKeyRole.ADMIN; keyId: string }
  | { role: ApiKeyRole.PARTNER; keyId: string; partnerId: string };

export const PUBLIC: Principal = { role: 'PUBLIC' };
