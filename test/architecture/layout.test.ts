import { crossings, cyclesAmong, readImportGraph } from '../support/import-graph';

/**
 * The layout is the architecture (docs/ARCHITECTURE.md): one folder per feature under src/features,
 * the model below them, the edge above them. Read from the imports themselves, type-only included.
 */
const graph = readImportGraph('src');
const withDemo = readImportGraph('src', 'demo');
const featureOf = (file: string) => /^src\/features\/([^/]+)\//.exec(file)?.[1] ?? null;
const importsFrom = (from: RegExp, to: RegExp) => crossings(graph, (file) => (from.test(file) ? 'from' : to.test(file) ? 'to' : null))
  .filter((c) => c.from === 'from').map((c) => c.via);

describe('the layout', () => {
  it('has no import cycle between features, type-only imports included', () => {
    expect(cyclesAmong(crossings(graph, featureOf))).toEqual([]);
  });

  it('keeps features from importing the edge', () => {
    expect(importsFrom(/^src\/features\//, /^src\/edge\//)).toEqual([]);
  });

  it('keeps the model from importing any feature', () => {
    expect(importsFrom(/^src\/model\//, /^src\/features\//)).toEqual([]);
  });

  it('keeps the product from importing the demo (the entry point hands it in)', () => {
    const crossingsToDemo = crossings(withDemo, (file) => (file.startsWith('src/') ? 'src' : file.startsWith('demo/') ? 'demo' : null));
    expect(crossingsToDemo.filter((c) => c.from === 'src').map((c) => c.via)).toEqual([]);
  });

  it('keeps the partner formats from importing features or the edge', () => {
    expect(importsFrom(/^src\/datasources\//, /^src\/(features|edge)\//)).toEqual([]);
  });
});
