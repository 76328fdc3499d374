import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CatalogSinkItem } from '../../src/datasources/shared/catalog-item';
import { createMarcSourceAdapter } from '../../src/datasources/marc/marc.source';
import { CatalogSink } from '../../src/features/catalog/catalog.sink';
import { describeEachBackend } from '../support/backends';
import { createLibrary, marcSpec } from '../support/catalog-fixtures';
import { corpusFile, CORPUS_DIR } from '../support/corpus';
import { createTestGraph, TestGraph } from '../support/graph';
import { testHttpClient } from '../support/http-client';
import { describeNeeding, needsCorpus } from '../support/needs';

describeNeeding(needsCorpus(), 'MARC corpus', () => describeEachBackend('ingested and searched', (backend) => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await createTestGraph(backend);
    const library = (await createLibrary(graph.db, 'corpus-library', [])).id;
    // Streamed from disk through a file:// source, as a large nightly export would be.
    const adapter = createMarcSourceAdapter({ fileRoots: [CORPUS_DIR] });
    for (const file of fs.readdirSync(corpusFile('marc'))) {
      const spec = marcSpec(library, pathToFileURL(corpusFile('marc', file)).toString(), `corpus-${file}`);
      const pull = await adapter.pull(spec, testHttpClient());
      const counts = await new CatalogSink().apply(
        { db: graph.db, source: { id: spec.id, partnerId: library, partnerTimezone: 'UTC' }, now: new Date(), incremental: false, deletedExternalIds: [] },
        pull.items as AsyncIterable<CatalogSinkItem>,
      );
      expect({ file, skipped: pull.skipped, created: counts.created > 0 }).toEqual({ file, skipped: [], created: true });
    }
  });
  afterAll(() => graph.close());

  const controlNumbers = async (q: string) => (await graph.execute('query($q: String!) { catalog(query: $q, first: 5) { edges { node { controlNumber } } } }', { q }))
    .data!.catalog.edges.map((e: any) => e.node.controlNumber);

  it('finds records by original-script title, by folded romanization, and by ISBN', async () => {
    expect(await controlNumbers('نقدى براى تمام فصول')).toEqual(['00313831']);
    expect(await controlNumbers('koryo inmul')).toEqual(['77826928']);
    expect(await controlNumbers('0-471-38314-7')).toEqual(['fol05731351']);
    expect((await controlNumbers('perl programming')).length).toBeGreaterThan(0);
  });

  it('refuses a file:// URL outside SOURCE_FILE_ROOTS', async () => {
    const adapter = createMarcSourceAdapter({ fileRoots: [corpusFile('marc')] });
    await expect(adapter.pull(marcSpec('p', 'file:///etc/passwd'), testHttpClient())).rejects.toThrow(`MARC file refused: Refusing to fetch file:///etc/passwd: the file /etc/passwd is outside SOURCE_FILE_ROOTS (${corpusFile('marc')}) (rule: file-outside-roots)`);
  });
}));
