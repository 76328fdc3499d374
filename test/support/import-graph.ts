import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The project's own import graph, read with the TypeScript API (`preProcessFile` sees static,
 * type-only and dynamic imports alike): every relative import of every `.ts` file under the given
 * folders, resolved to the file it names. Paths are relative to the repository, with forward slashes.
 */
export type ImportGraph = Map<string, string[]>;

const REPO = path.resolve(__dirname, '../..');

export function readImportGraph(...roots: string[]): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of roots.flatMap((root) => walk(path.join(REPO, root)))) {
    const name = path.relative(REPO, file).split(path.sep).join('/');
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const relative = importedFiles.map((i) => i.fileName).filter((specifier) => specifier.startsWith('.'));
    graph.set(name, relative.map((specifier) => resolve(name, specifier)).filter((f): f is string => f !== null));
  }
  return graph;
}

function resolve(from: string, specifier: string): string | null {
  const base = path.posix.join(path.posix.dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}/index.ts`, base.replace(/\.js$/, '.ts')];
  return candidates.find((candidate) => fs.statSync(path.join(REPO, candidate), { throwIfNoEntry: false })?.isFile()) ?? null;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

export interface Crossing {
  from: string;
  to: string;
  /** The import that makes it: "file -> file". */
  via: string;
}

/** Every import from one group to another (features, layers). */
export function crossings(graph: ImportGraph, groupOf: (file: string) => string | null): Crossing[] {
  const found: Crossing[] = [];
  for (const [file, targets] of graph) {
    const from = groupOf(file);
    if (!from) continue;
    for (const target of targets) {
      const to = groupOf(target);
      if (to && to !== from) found.push({ from, to, via: `${file} -> ${target}` });
    }
  }
  return found;
}

/** The groups of every import cycle among groups: each strongly connected component of two or more (Tarjan). */
export function cyclesAmong(arrows: Crossing[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of arrows) next.set(from, (next.get(from) ?? new Set()).add(to));
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component = stack.splice(stack.indexOf(v));
    if (component.length > 1) components.push(component.sort());
  };
  for (const v of new Set(arrows.flatMap(({ from, to }) => [from, to]))) if (!index.has(v)) visit(v);
  return components;
}
