import { ApiKeyRole } from '../../src/domain/enums';
import { Principal, PUBLIC } from '../../src/domain/principal';
import { access } from '../../src/domain/access';

const admin: Principal = { role: ApiKeyRole.ADMIN, keyId: 'k1' };
const owner: Principal = { role: ApiKeyRole.PARTNER, keyId: 'k2', partnerId: 'p1' };
const other: Principal = { role: ApiKeyRole.PARTNER, keyId: 'k3', partnerId: 'p2' };

describe('the access policy', () => {
  it('lets admins and the owning partner act for a partner, and nobody else', () => {
    expect([admin, owner, other, PUBLIC].map((p) => access.actsFor(p, 'p1'))).toEqual([true, true, false, false]);
  });

  it('tells the public to authenticate and other partners that they are forbidden', () => {
    expect(() => access.requirePartner(PUBLIC, 'p1', 'Editing an event')).toThrow('Editing an event needs an API key (Authorization: Bearer <key>).');
    expect(() => access.requirePartner(other, 'p1', 'Editing an event')).toThrow("Editing an event needs this partner's API key or an ADMIN key.");
    expect(() => access.requirePartner(owner, 'p1', 'Editing an event')).not.toThrow();
  });

  it('keeps admin actions to ADMIN keys', () => {
    expect(() => access.requireAdmin(owner, 'Adding a partner')).toThrow('Adding a partner needs an ADMIN API key.');
    expect(() => access.requireAdmin(admin, 'Adding a partner')).not.toThrow();
  });
});
