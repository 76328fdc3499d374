import { parseFeedQuery } from '../../../src/features/embeds/feed-query';

const LIMITS = { defaultLimit: 50, maxLimit: 200 };
const parse = (query: Record<string, unknown>) => parseFeedQuery(query, LIMITS);

describe('feed query parameters', () => {
  it('read every EventFilter option, with singular and plural names and comma-separated lists', () => {
    expect(parse({
      partner: 'millbrook-library,Millbrook-Museum', kind: 'museum', audience: ['kids', 'all-ages'], categories: 'STEM, Storytime',
      status: 'SCHEDULED', q: 'chess, checkers', from: '2026-12-01', to: '2026-12-31T18:00:00-06:00', near: '41.5,-90.56,2', limit: '7', per_series: '3',
    })).toEqual({
      partnerSlugs: ['millbrook-library', 'millbrook-museum'], kinds: ['MUSEUM'], audiences: ['KIDS', 'ALL_AGES'],
      categories: ['STEM', 'Storytime'], status: ['SCHEDULED'], text: 'chess, checkers',
      from: new Date('2026-12-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z'), near: { lat: 41.5, lon: -90.56, km: 2 }, limit: 7, perSeries: 3,
    });
  });

  it('default to no filter and the format\'s default limit, ignoring "_"-prefixed cache busters', () => {
    expect(parse({ _: '123' })).toMatchObject({ partnerSlugs: [], kinds: [], audiences: [], text: null, from: null, near: null, limit: 50, perSeries: null });
  });

  it.each([
    [{ audiance: 'KIDS' }, 'Unknown query parameter "audiance". Known parameters: partner, partners, kinds, kind, audiences, audience, categories, category, status, text, q, from, to, near, limit, per_series.'],
    [{ kinds: 'ZOO' }, 'Invalid value for argument "kinds": "ZOO". Expected one or more of LIBRARY, SCHOOL, MUSEUM, NONPROFIT (comma-separated).'],
    [{ from: 'tomorrow' }, 'Invalid value for argument "from": "tomorrow". Expected an RFC 3339 instant such as 2026-12-01T17:00:00Z, or a date such as 2026-12-01.'],
    [{ to: '2026-13-45' }, 'Invalid value for argument "to": "2026-13-45". Expected an RFC 3339 instant such as 2026-12-01T17:00:00Z, or a date such as 2026-12-01.'],
    [{ near: '41.5,-90.5' }, 'Invalid value for argument "near": "41.5,-90.5". Expected three numbers "lat,lon,km", e.g. near=41.50,-90.56,2.'],
    [{ limit: '0' }, 'Invalid value for argument "limit": "0". Expected an integer from 1 to 200.'],
    [{ limit: '5x' }, 'Invalid value for argument "limit": "5x". Expected an integer from 1 to 200.'],
    [{ per_series: '0' }, 'Invalid value for argument "per_series": "0". Expected an integer from 1 to 200.'],
    [{ partner: 'a b' }, 'Invalid value for argument "partner": "a b". Expected a partner slug such as millbrook-library.'],
    [{ text: ['a', 'b'] }, 'Invalid value for argument "text": [["a","b"]]. Expected a single text value.'],
    [{ kinds: { nested: 'x' } }, 'Invalid value for argument "kinds": {"nested":"x"}. Expected plain text values.'],
  ])('refuse %j with a plain explanation', (query, message) => {
    expect(() => parse(query)).toThrow(message);
  });
});

describe('feed query limits at their edges', () => {
  const many = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(',');

  it('accepts a limit of 1 and of the maximum, refuses one past it', () => {
    expect(parse({ limit: '1' }).limit).toBe(1);
    expect(parse({ limit: '200' }).limit).toBe(200);
    expect(() => parse({ limit: '201' })).toThrow('Invalid value for argument "limit": "201". Expected an integer from 1 to 200.');
    expect(() => parse({ limit: ['5', '6'] })).toThrow('Invalid value for argument "limit": "5,6". Expected a single value.');
  });

  it('takes up to 20 distinct partners (repeats counted once) and refuses 21', () => {
    expect(parse({ partner: many(20, (i) => `p${i}`) }).partnerSlugs).toHaveLength(20);
    expect(parse({ partner: `${many(20, (i) => `p${i}`)},p0`, partners: 'p1' }).partnerSlugs).toHaveLength(20);
    expect(() => parse({ partner: many(21, (i) => `p${i}`) })).toThrow(`Invalid value for argument "partner": "${many(21, (i) => `p${i}`)}". Expected at most 20 slugs.`);
  });

  it('takes up to 20 values of a list and refuses 21', () => {
    expect(parse({ audiences: many(20, () => 'kids') }).audiences).toHaveLength(20);
    expect(() => parse({ audiences: many(21, () => 'kids') })).toThrow(`Invalid value for argument "audiences": "${many(21, () => 'KIDS'.toLowerCase())}". Expected at most 20 values.`);
  });
});
