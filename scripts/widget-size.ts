import { buildWidget, gzippedBytes } from '../src/edge/browser/widget-bundle';

/** Prints the /widget.js bundle size, minified and gzipped, without and with the live registration parts (counts, register form, manage view). */
async function main(): Promise<void> {
  const rows = [];
  for (const registrations of [false, true]) {
    const code = await buildWidget({ registrations });
    rows.push({ variant: registrations ? 'with live counts, register form, manage view' : 'list only', minifiedBytes: code.length, gzippedBytes: gzippedBytes(code) });
  }
  console.table(rows);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
