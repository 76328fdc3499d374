import { htmlEscape } from '../../domain/html-escape';

/** One paragraph of a message: plain words, or a labelled value (a link when `link`). */
export type MailBlock = { text: string } | { label: string; value: string; link?: boolean };

/** The plain-text body: paragraphs apart by a blank line, `label: value`. */
export function mailText(blocks: MailBlock[]): string {
  return blocks.map((block) => ('text' in block ? block.text : `${block.label}: ${block.value}`)).join('\n\n') + '\n';
}

/**
 * The HTML body of the same blocks: no images, styles or scripts (mail clients strip them, and a plain
 * page reads well everywhere); `lang` for screen readers.
 */
export function mailHtml(blocks: MailBlock[], lang: string): string {
  const paragraph = (block: MailBlock): string => {
    if ('text' in block) return `<p>${htmlEscape(block.text)}</p>`;
    const value = block.link ? `<a href="${htmlEscape(block.value)}">${htmlEscape(block.value)}</a>` : htmlEscape(block.value);
    return `<p><strong>${htmlEscape(block.label)}:</strong> ${value}</p>`;
  };
  return `<!doctype html><html lang="${htmlEscape(lang)}"><head><meta charset="utf-8"></head><body>${blocks.map(paragraph).join('')}</body></html>`;
}
