import fs from 'node:fs';
import path from 'node:path';

/**
 * README and docs/ render on GitHub as they read here: every code fence is closed (an unclosed one
 * turns the rest of the page into code), every table row has its header's cells, and every relative
 * link, anchors included, lands on a file and heading that exist.
 */
const ROOT = path.resolve(__dirname, '../..');
const PAGES = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`), 'bench/RESULTS.md'];

interface Line { text: string; number: number }

/** Lines outside fenced code blocks, and the fence still open at the end (if any). */
function prose(markdown: string): { lines: Line[]; unclosedFenceAt: number | null } {
  const lines: Line[] = [];
  let fence: { marker: string; number: number } | null = null;
  markdown.split('\n').forEach((text, i) => {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(text);
    if (fence) {
      if (opener && opener[1][0] === fence.marker[0] && opener[1].length >= fence.marker.length && text.trim() === opener[1]) fence = null;
      return;
    }
    if (opener) fence = { marker: opener[1], number: i + 1 };
    else lines.push({ text, number: i + 1 });
  });
  return { lines, unclosedFenceAt: fence ? (fence as { number: number }).number : null };
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const { text } of prose(markdown).lines) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (!heading) continue;
    const base = heading[1].replace(/`/g, '').toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').trim().replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n ? `${base}-${n}` : base);
  }
  return anchors;
}

/** Table cells split on unescaped pipes (GitHub splits inside code spans too). */
const cellCount = (row: string) => row.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).length;

const isRow = (text: string) => /^\s*\|/.test(text);
const isDelimiter = (text: string) => /^\s*\|?\s*:?-{3,}/.test(text);

/**
 * Rows that start with a pipe but belong to no table: GitHub ends a table at a blank line, so a row
 * after one renders as a paragraph of pipes (the REDIS_URL row of docs/configuration.md once did).
 */
function strayRows(lines: Line[]): number[] {
  const stray: number[] = [];
  let inTable = false;
  lines.forEach(({ text, number }, i) => {
    const next = lines[i + 1];
    const adjacent = i > 0 && lines[i - 1].number === number - 1;
    if (!isRow(text)) inTable = false;
    else if (next && next.number === number + 1 && isDelimiter(next.text)) inTable = true;
    else if (!(inTable && adjacent)) stray.push(number);
  });
  return stray;
}

/** The one Configuration table: its first cell (`NAME`) per row, in order. */
function configurationVariables(markdown: string): string[] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith('Configuration\n')) ?? '';
  return [...section.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((match) => match[1]);
}

describe.each(PAGES)('%s renders as written', (page) => {
  const markdown = fs.readFileSync(path.join(ROOT, page), 'utf8');
  const { lines, unclosedFenceAt } = prose(markdown);

  it('closes every code fence', () => {
    expect(unclosedFenceAt).toBeNull();
  });

  it('gives every table row as many cells as its header', () => {
    const bad: string[] = [];
    for (let i = 0; i < lines.length - 1; i++) {
      if (!/^\s*\|.*\|\s*$/.test(lines[i].text) || !/^\s*\|?\s*:?-{3,}/.test(lines[i + 1].text)) continue;
      const width = cellCount(lines[i].text);
      for (let j = i + 2; j < lines.length && /^\s*\|/.test(lines[j].text); j++) {
        if (cellCount(lines[j].text) !== width) bad.push(`line ${lines[j].number}: ${cellCount(lines[j].text)} cells, header has ${width}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps every table row inside its table (no row after a blank line)', () => {
    expect(strayRows(lines).map((number) => `line ${number}`)).toEqual([]);
  });

  it('links only to files and headings that exist', () => {
    const broken: string[] = [];
    for (const { text, number } of lines) {
      const withoutCode = text.replace(/`[^`]*`/g, '');
      for (const [, target] of withoutCode.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue;
        const [file, anchor] = target.split('#');
        const resolved = file ? path.resolve(path.dirname(path.join(ROOT, page)), decodeURIComponent(file)) : path.join(ROOT, page);
        if (!fs.existsSync(resolved)) {
          broken.push(`line ${number}: ${target} (no such file)`);
          continue;
        }
        if (anchor && resolved.endsWith('.md') && !anchorsOf(fs.readFileSync(resolved, 'utf8')).has(anchor)) {
          broken.push(`line ${number}: ${target} (no such heading)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('docs/configuration.md', () => {
  it('lists every variable src/config.ts reads once, in its one table', () => {
    const source = fs.readFileSync(path.join(ROOT, 'src/config.ts'), 'utf8');
    // MARC_FILE_DIR is read only to refuse it; the SOURCE_FILE_ROOTS row says so.
    const read = [...new Set([...source.matchAll(/\benv\.([A-Z][A-Z0-9_]*)/g)].map((match) => match[1]))]
      .filter((name) => name !== 'MARC_FILE_DIR').sort();
    const listed = configurationVariables(fs.readFileSync(path.join(ROOT, 'docs/configuration.md'), 'utf8'));
    expect(listed.filter((name, i) => listed.indexOf(name) !== i)).toEqual([]);
    expect([...listed].sort()).toEqual(read);
  });
});

describe('the docs checker', () => {
  it('notices an unclosed fence, a short table row and a dead link', () => {
    expect(prose('text\n```graphql\n{ a }\n\nmore').unclosedFenceAt).toBe(2);
    expect(prose('```\ncode\n```\n').unclosedFenceAt).toBeNull();
    expect(cellCount('| `a` | b \\| c |')).toBe(2);
    expect(strayRows(prose('| a | b |\n|---|---|\n| 1 | 2 |\n\n| 3 | 4 |\n| 5 | 6 |\n\n| h |\n|---|\n| 7 |').lines)).toEqual([5, 6]);
    expect(anchorsOf('# Live registrations dashboard\n## `npm run bench:sync`\n## Tests\n## Tests')).toEqual(
      new Set(['live-registrations-dashboard', 'npm-run-benchsync', 'tests', 'tests-1']));
  });
});
