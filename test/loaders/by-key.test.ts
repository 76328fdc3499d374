import { byKey, groupByKey } from '../../src/loaders/by-key';

describe('loader key mapping', () => {
  it('returns one value per key in key order, null where the row is missing', () => {
    const rows = [{ id: 'b' }, { id: 'a' }];
    expect(byKey(['a', 'x', 'b', 'a'], rows, (r) => r.id)).toEqual([{ id: 'a' }, null, { id: 'b' }, { id: 'a' }]);
  });

  it('groups rows per key, keeping row order and giving empty lists to keys without rows', () => {
    const rows = [{ p: 1, n: 'x' }, { p: 2, n: 'y' }, { p: 1, n: 'z' }];
    expect(groupByKey([2, 3, 1], rows, (r) => r.p)).toEqual([[{ p: 2, n: 'y' }], [], [{ p: 1, n: 'x' }, { p: 1, n: 'z' }]]);
  });
});
