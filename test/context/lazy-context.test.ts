import type { DataSource } from 'typeorm';
import type { Logger } from '../../src/logger';

// Counts the DataLoaders made, so a test can tell a set nobody read from one that was read.
const made = { loaders: 0 };
jest.mock('dataloader', () => {
  const Actual = jest.requireActual('dataloader');
  return class Counted extends Actual {
    constructor(...args: ConstructorParameters<typeof Actual>) {
      super(...args);
      made.loaders++;
    }
  };
});

// After the mock, so create-loaders gets the counted DataLoader.
import DataLoader from 'dataloader';
import { createContext, refreshForDelivery } from '../../src/context';

// Enough of a DataSource to make loaders with (none is asked to load here).
const db = { options: { type: 'sqlite' }, driver: { databaseConnection: {} } } as unknown as DataSource;
const apiKeys = { authenticate: () => Promise.reject(new Error('no key is sent here')) };

/** A parent logger at `level` that records the children made and the lines they log. */
function fakeLogger(level: 'info' | 'warn') {
  const children: Record<string, unknown>[] = [];
  const lines: unknown[][] = [];
  const enabled = level === 'info' ? ['fatal', 'error', 'warn', 'info'] : ['fatal', 'error', 'warn'];
  const child = {
    info(this: unknown, ...args: unknown[]) { expect(this).toBe(child); lines.push(['info', ...args]); },
    warn(this: unknown, ...args: unknown[]) { expect(this).toBe(child); lines.push(['warn', ...args]); },
  };
  const parent = {
    isLevelEnabled: (l: string) => enabled.includes(l),
    child: (bindings: Record<string, unknown>) => { children.push(bindings); return child; },
  } as unknown as Logger;
  return { parent, children, lines };
}

describe('a context makes its loaders and its logger on first use', () => {
  beforeEach(() => { made.loaders = 0; });

  it('makes no DataLoader until one is read, then only that one, kept for the request', async () => {
    const ctx = await createContext({ db, apiKeys, logger: fakeLogger('info').parent });
    expect(made.loaders).toBe(0);
    const events = ctx.loaders.eventById;
    expect(events).toBeInstanceOf(DataLoader);
    expect(ctx.loaders.eventById).toBe(events);
    expect(made.loaders).toBe(1);
    // A copy of the context (the CLI's, graphql-ws's) shares the same set and makes nothing more.
    const copy = { ...ctx };
    expect(copy.loaders).toBe(ctx.loaders);
    expect(copy.loaders.eventById).toBe(events);
    expect(made.loaders).toBe(1);
  });

  it('refreshForDelivery drops the set: the next read makes a fresh loader, nothing cached survives', async () => {
    const ctx = await createContext({ db, apiKeys, logger: fakeLogger('info').parent });
    const before = ctx.loaders;
    const partners = ctx.loaders.partnerById;
    refreshForDelivery(ctx);
    expect(ctx.loaders).not.toBe(before);
    expect(made.loaders).toBe(1);
    expect(ctx.loaders.partnerById).not.toBe(partners);
    expect(made.loaders).toBe(2);
    // A delivery that reads nothing makes nothing.
    refreshForDelivery(ctx);
    refreshForDelivery(ctx);
    expect(made.loaders).toBe(2);
  });

  it('makes the child logger (with requestId) on the first line at an enabled level, once', async () => {
    const { parent, children, lines } = fakeLogger('warn');
    const ctx = await createContext({ db, apiKeys, logger: parent }, { requestId: 'r-1' });
    ctx.logger.info({ a: 1 }, 'below the level');
    expect(children).toEqual([]);
    ctx.logger.warn({ b: 2 }, 'first');
    ctx.logger.warn('second');
    expect(children).toEqual([{ requestId: 'r-1' }]);
    expect(lines).toEqual([['warn', { b: 2 }, 'first'], ['warn', 'second']]);
  });
});
