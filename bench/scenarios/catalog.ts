import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createContext } from '../../src/context';
import { CatalogSinkItem } from '../../src/datasources/shared/catalog-item';
import { openDatabase } from '../../src/db/data-source';
import { SourceFormat } from '../../src/datasources/adapter';
import { createMarcSourceAdapter } from '../../src/datasources/marc/marc.source';
import { createLogger } from '../../src/logger';
import { createMemoryPubSub } from '../../src/pubsub/pubsub';
import { createServices } from '../../src/compose';
import { CatalogSink } from '../../src/features/catalog/catalog.sink';
import { createLibrary } from '../../test/support/catalog-fixtures';
import { createBenchDatabase } from '../lib/bench-database';
import type { BackendName } from '../lib/scenario';
import { iso2709, FieldSpec, leader } from '../../test/support/marc-writer';

/**
 * Catalog at library scale: generate N MARC records (ISO 2709, Koha 952 items), ingest them through
 * the streaming MARC adapter (file:// source) and the catalog sink, re-ingest the unchanged file,
 * then time a fixed set of searches. One row per backend.
 */
const WORDS = ('river lock harbor garden robot winter summer history music family stories night city island forest ' +
  'mountain ocean bridge engine kitchen garden letters journey silent golden secret shadow light paper stone ' +
  'machine science poetry travel memory empire wild small great little modern ancient').split(' ');
const SURNAMES = 'Brown Garcia Nguyen Okafor Larsen Kowalski Müller Novák Haddad Tanaka Silva Moreau Ivanova Cohen'.split(' ');
const SUBJECTS = 'Robots|Gardening|Rivers|History|Cooking|Jazz|Poetry|Travel|Science fiction|Families|Engineering|Islands'.split('|');
const QUERIES = ['river', 'garden robot', 'history', 'brown', 'winter stories', 'müller', 'lock harbor', 'science', 'secret shadow',
  'engineering', 'poetry travel', 'golden', 'the great', 'island forest', 'jazz', 'modern machine', 'kowalski', 'wild', 'ancient empire', 'family'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

function isbn13(n: number): string {
  const body = `978${String(n).padStart(9, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 ? 3 : 1);
  return body + ((10 - (sum % 10)) % 10);
}

export function generateRecord(i: number, random: () => number): Buffer {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const title = Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(WORDS)).join(' ');
  const fields: FieldSpec[] = [
    ['001', `bench${i}`], ['003', 'BenchPL'], ['008', `240101s${1950 + Math.floor(random() * 75)}    xxu           000 1 eng d`],
    ['020', '  ', [['a', `${isbn13(i)} (pbk.)`]]],
    ['100', '1 ', [['a', `${pick(SURNAMES)}, ${pick(['Ann', 'Lee', 'Sam', 'Ivo', 'Mia'])},`]]],
    ['245', '10', [['a', `${title[0].toUpperCase()}${title.slice(1)} /`], ['c', 'by someone.']]],
    ['264', ' 1', [['a', 'Millbrook :'], ['b', 'River Press,'], ['c', '2020.']]],
    ['300', '  ', [['a', `${100 + Math.floor(random() * 400)} pages ;`], ['c', '22 cm']]],
    ['520', '  ', [['a', `A story of ${pick(WORDS)} and ${pick(WORDS)}.`]]],
    ['650', ' 0', [['a', pick(SUBJECTS)], ['v', 'Fiction.']]],
  ];
  for (let c = 0; c < 1 + Math.floor(random() * 3); c++) {
    const item: [string, string][] = [['9', `${i}-${c}`], ['a', pick(['CEN', 'EAS', 'RIV'])], ['o', `FIC ${title.slice(0, 3).toUpperCase()}`], ['p', `B${i}-${c}`], ['y', 'BK']];
    if (random() < 0.3) item.push(['q', '2026-12-24']);
    fields.push(['952', '  ', item]);
  }
  return iso2709(leader(), fields);
}

async function writeFile(file: string, count: number): Promise<void> {
  const random = rng(42);
  const out = fs.createWriteStream(file);
  for (let i = 0; i < count; i++) {
    if (!out.write(generateRecord(i, random))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function runBackend(backend: BackendName, file: string, count: number, searchRounds: number): Promise<Record<string, string | number>> {
  const database = await createBenchDatabase(backend);
  const db = await openDatabase(database.config);
  try {
    const partner = await createLibrary(db, 'bench-library', ['CEN', 'EAS', 'RIV']);
    const spec = {
      id: 'bench-marc', partnerId: partner.id, format: SourceFormat.MARC, url: pathToFileURL(file).toString(), partnerTimezone: 'America/Chicago',
      window: { from: new Date(0), to: new Date(0) }, validators: { etag: null, lastModified: null }, lastSuccessAt: null, options: {},
    };
    const adapter = createMarcSourceAdapter({ fileRoots: [path.dirname(file)] });
    const sink = new CatalogSink();
    const ingest = async () => {
      const pull = await adapter.pull(spec, { fetch: () => { throw new Error('no HTTP in this benchmark'); } });
      const started = process.hrtime.bigint();
      const counts = await sink.apply({ db, source: { id: spec.id, partnerId: partner.id, partnerTimezone: spec.partnerTimezone }, now: new Date(), incremental: false, deletedExternalIds: [] }, pull.items as AsyncIterable<CatalogSinkItem>);
      return { counts, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
    };
    global.gc?.();
    let peak = process.memoryUsage().rss;
    let peakHeap = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      peak = Math.max(peak, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    }, 20);
    const first = await ingest();
    clearInterval(sampler);
    const again = await ingest();
    if (first.counts.created !== count || again.counts.unchanged !== count) throw new Error(`unexpected counts ${JSON.stringify([first.counts, again.counts])}`);

    const services = createServices(db, { pubsub: createMemoryPubSub() });
    const deps = { db, apiKeys: services.apiKeys, logger: createLogger('silent') };
    const samples: number[] = [];
    for (let round = 0; round < searchRounds; round++) {
      for (const q of QUERIES) {
        const ctx = await createContext(deps);
        const started = process.hrtime.bigint();
        await services.catalog.search(ctx, q, null, { first: 20 });
        samples.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }
    samples.sort((a, b) => a - b);
    services.availability.shutdown();
    return {
      backend, records: count,
      'ingest rec/s': Math.round(count / first.seconds),
      'unchanged re-ingest rec/s': Math.round(count / again.seconds),
      'peak RSS MB (ingest)': Math.round(peak / 1e6),
      'peak heap MB (ingest)': Math.round(peakHeap / 1e6),
      'search p50 ms': Number(percentile(samples, 50).toFixed(2)),
      'search p99 ms': Number(percentile(samples, 99).toFixed(2)),
      searches: samples.length,
    };
  } finally {
    await db.destroy();
    await database.drop();
  }
}

export const scenario = {
  name: 'catalog',
  description: 'MARC ingest (streamed, 100,000 generated records) and catalog full-text search latency',
  async run(opts: { smoke: boolean; backends: ('sqlite' | 'postgres')[]; records?: number }): Promise<Array<Record<string, string | number>>> {
    const count = opts.records ?? (opts.smoke ? 2000 : 100_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-catalog-'));
    const file = path.join(dir, 'catalog.mrc');
    try {
      await writeFile(file, count);
      const rows = [];
      for (const backend of opts.backends) rows.push(await runBackend(backend, file, count, opts.smoke ? 2 : 20));
      return rows;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

if (require.main === module) {
  const smoke = process.argv.includes('--smoke');
  const records = process.argv.find((a) => a.startsWith('--records='))?.slice('--records='.length);
  const only = process.argv.find((a) => a.startsWith('--backend='))?.slice('--backend='.length) as BackendName | undefined;
  const backends: BackendName[] = only ? [only] : process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
  scenario.run({ smoke, backends, records: records ? Number(records) : undefined }).then((rows) => {
    console.table(rows);
  }).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
