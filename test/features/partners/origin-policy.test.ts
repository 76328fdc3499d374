import { PartnerEntity } from '../../../src/model/partner.entity';
import { corsOrigin, frameAncestors, normalizeOrigin, originPolicyFor } from '../../../src/features/partners/origin-policy';

const partner = (allowedOrigins: string[]) => ({ allowedOrigins } as PartnerEntity);

describe('embedding origin policy', () => {
  it('allows any origin when no partner is named or a named partner lists none', () => {
    expect(originPolicyFor([])).toEqual({ any: true });
    expect(originPolicyFor([partner(['https://a.example']), partner([])])).toEqual({ any: true });
    expect(frameAncestors({ any: true })).toBe('*');
    expect(corsOrigin({ any: true }, 'https://x.example')).toBe('*');
  });

  it('otherwise allows exactly the union of the listed origins', () => {
    const policy = originPolicyFor([partner(['https://a.example', 'http://localhost:8080']), partner(['https://a.example'])]);
    expect(policy).toEqual({ any: false, origins: ['https://a.example', 'http://localhost:8080'] });
    expect(frameAncestors(policy)).toBe("'self' https://a.example http://localhost:8080");
    expect(corsOrigin(policy, 'https://a.example')).toBe('https://a.example');
    expect(corsOrigin(policy, 'https://evil.example')).toBeNull();
    expect(corsOrigin(policy, undefined)).toBeNull();
  });

  it('drops stored values that are not plain origins, so none can inject CSP syntax', () => {
    expect(normalizeOrigin('https://a.example/')).toBe('https://a.example');
    expect(normalizeOrigin("https://a.example; script-src 'unsafe-inline'")).toBeNull();
    expect(normalizeOrigin('https://a.example/path')).toBeNull();
    expect(normalizeOrigin('javascript:alert(1)')).toBeNull();
    expect(originPolicyFor([partner(['nonsense', 'https://ok.example'])])).toEqual({ any: false, origins: ['https://ok.example'] });
  });
});
