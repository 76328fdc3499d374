/**
 * The one rule for links the graph publishes: an absolute http: or https: URL, normalised by the URL
 * parser (so `java\tscript:`, ` JaVaScRiPt:` and friends are judged as a browser would read them).
 * Anything else (javascript:, data:, vbscript:, file:, mailto:, relative or protocol-relative paths)
 * answers null. Used when partner data is stored, when input is taken, and again when a page, feed or
 * the widget renders a link, so a row stored before the rule existed still never becomes an active link.
 * No Node APIs: the widget bundles it for the browser.
 */
export function webUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname ? url.href : null;
}

/**
 * For output: a stored link exactly as stored (trimmed) when it is a web URL, else null. Outputs check
 * rather than rewrite, so a link clients already see does not change form (no added trailing slash).
 */
export function webLinkAsStored(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let isWeb = verdicts.get(value);
  if (isWeb === undefined) {
    isWeb = webUrl(value) !== null;
    if (verdicts.size >= VERDICTS_KEPT) verdicts.clear();
    verdicts.set(value, isWeb);
  }
  return isWeb ? value.trim() : null;
}

/**
 * webUrl's verdict per stored text: the same links are read on every page (an events page parses
 * up to two URLs per event), and the verdict depends on the text alone. Bounded: emptied when full.
 */
const verdicts = new Map<string, boolean>();
const VERDICTS_KEPT = 10_000;
