/**
 * The one escaper for text put into HTML or XML (element content and quoted attributes): the five
 * characters with meaning there become entities. `&#39;` rather than `&apos;`, which HTML 4 lacks;
 * both are valid XML.
 */
export function htmlEscape(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c]!);
}
