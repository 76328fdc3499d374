import fs from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = require.resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * axe-core's WCAG 2.1 A and AA rules, run in the page over the element `selector` finds (open shadow
 * roots included, as the widget's); the violations, with the elements each one names. A page with a
 * strict CSP needs its context opened with `bypassCSP` for the script to be added.
 */
export async function axeViolations(page: Page, selector: string): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: fs.readFileSync(AXE_SOURCE, 'utf8') });
  return page.evaluate(async (target) => {
    const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: any[]; passes: any[] }> } }).axe;
    const result = await axe.run(document.querySelector(target)!, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    // An empty run (nothing found to check) would pass any page: it is an error here.
    if (!result.passes.some((p) => p.nodes.length > 0)) throw new Error(`axe checked nothing under ${target}`);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n: { target: string[] }) => n.target.join(' ')) }));
  }, selector);
}
