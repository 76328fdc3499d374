import { AdapterError } from '../adapter';

/**
 * JSON from a partner, with errors that name the rule and the position, never the content: V8's own
 * message quotes the text ("Unexpected token 'r', "root:x:0:0"... is not valid JSON"), and a stored
 * `lastError` must not echo whatever a URL answered with.
 */
export function parsePartnerJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AdapterError(`${what} is not valid JSON: ${describeJsonError(text)}.`);
  }
}

/** Where JSON.parse gave up, as "unexpected character at line L, column C" or "it ends early …". */
export function describeJsonError(text: string): string {
  if (!text.trim()) return 'it is empty';
  const offset = longestViablePrefix(text);
  const { line, column } = lineAndColumn(text, offset);
  return offset >= text.length
    ? `it ends early, at line ${line}, column ${column}`
    : `unexpected character at line ${line}, column ${column}`;
}

/**
 * A prefix is viable when it parses, or fails only for want of more text. Viability only shrinks as a
 * prefix grows, so the first bad character sits right after the longest viable prefix: found by
 * bisection with JSON.parse itself, the same reader that refused the whole.
 */
function longestViablePrefix(text: string): number {
  let good = 0;
  let bad = text.length + 1;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (viable(text.slice(0, middle))) good = middle;
    else bad = middle;
  }
  return good;
}

function viable(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const message = (error as Error).message;
    if (message.includes('Unexpected end of JSON input')) return true;
    const position = / at position (\d+)/.exec(message);
    return position !== null && Number(position[1]) >= prefix.length;
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
