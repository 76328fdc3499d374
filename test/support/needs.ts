import fs from 'node:fs';
import path from 'node:path';
import { corpusAvailable, CORPUS_DIR } from './corpus';

/**
 * What a suite needs from outside the repository (PostgreSQL, Redis, the shared corpus). Each check
 * returns null when the input is there, else what is missing and how to provide it.
 *
 * A suite whose input is missing never passes: locally it is reported as skipped, with the reason
 * in its name (counted as skipped in jest's summary); with CI=true it is one failing test naming
 * what is missing, so CI cannot go green without its services and corpus.
 */
export type Missing = string | null;

export const needsPostgres = (): Missing => (process.env.TEST_DATABASE_URL ? null : 'PostgreSQL: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)');
export const needsRedis = (): Missing => (process.env.TEST_REDIS_URL ? null : 'Redis: set TEST_REDIS_URL (e.g. redis://127.0.0.1:6379)');
export const needsCorpus = (): Missing => (corpusAvailable() ? null : `the shared corpus, absent at ${CORPUS_DIR}: set COMMUNITY_GRAPH_CORPUS to the shared fixtures folder`);

/** The federation routers (@apollo/gateway, @graphql-hive/gateway): their own folder, installed apart from the project's. */
export const FEDERATION_GATEWAYS_DIR = path.join(__dirname, '..', '..', 'federation', 'gateways');
export const needsFederationGateways = (): Missing => (
  ['@apollo/gateway', '@graphql-hive/gateway'].every((name) => fs.existsSync(path.join(FEDERATION_GATEWAYS_DIR, 'node_modules', name, 'package.json')))
    ? null
    : 'the federation gateways (federation/gateways/node_modules, absent): run `npm run federation:install`'
);

/** The first of several missing inputs, joined: null when all are there. */
export const needsAll = (...missing: Missing[]): Missing => (missing.filter(Boolean).join('; ') || null);

const inCi = () => process.env.CI === 'true';

/** describe(title, body) when `missing` is null; otherwise a skipped suite locally, a failing test in CI. */
export function describeNeeding(missing: Missing, title: string, body: () => void): void {
  if (!missing) {
    describe(title, body);
    return;
  }
  if (inCi()) {
    describe(title, () => {
      it(`needs ${missing}`, () => {
        throw new Error(`CI=true and "${title}" cannot run: it needs ${missing}`);
      });
    });
    return;
  }
  describe.skip(`${title} (skipped: needs ${missing})`, () => {
    it('did not run', () => undefined);
  });
}

/** it(name, fn) when `missing` is null; otherwise it.skip with the reason in its name locally, a failing test in CI. */
export function itNeeding(missing: Missing, name: string, fn: jest.ProvidesCallback, timeout?: number): void {
  if (!missing) {
    it(name, fn, timeout);
    return;
  }
  if (inCi()) {
    it(`${name} (needs ${missing})`, () => {
      throw new Error(`CI=true and "${name}" cannot run: it needs ${missing}`);
    });
    return;
  }
  it.skip(`${name} (skipped: needs ${missing})`, () => undefined);
}
