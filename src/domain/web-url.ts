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
  return webUrl(value) ? (value as string).trim() : null;
}
