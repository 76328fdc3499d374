import { Parser } from 'htmlparser2';

const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'section', 'article', 'blockquote']);
const DROP = new Set(['script', 'style', 'template', 'noscript']);

/**
 * Partner descriptions arrive as HTML (LibCal, many CMSs) or as text with entities (JSON-LD).
 * We store plain text: tags dropped (script/style with their content), entities decoded, block
 * elements turned into line breaks, runs of spaces collapsed. Null for empty results.
 */
export function htmlToPlainText(input: unknown): string | null {
  if (typeof input !== 'string' || !input.trim()) return null;
  const out: string[] = [];
  let dropDepth = 0;
  const parser = new Parser({
    onopentag(name) {
      if (DROP.has(name)) dropDepth++;
      else if (BLOCK.has(name)) out.push('\n');
    },
    ontext(text) {
      if (dropDepth === 0) out.push(text);
    },
    onclosetag(name) {
      if (DROP.has(name)) dropDepth = Math.max(0, dropDepth - 1);
      else if (BLOCK.has(name)) out.push('\n');
    },
  }, { decodeEntities: true });
  parser.write(input);
  parser.end();
  const text = out.join('')
    .replace(/\u00a0/g, ' ')
    .split('\n').map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim()).join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text || null;
}
