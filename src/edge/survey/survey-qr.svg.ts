import qrcode from 'qrcode-generator';
import { htmlEscape } from '../../domain/html-escape';

/** ISO/IEC 18004 asks for a quiet zone of 4 modules around the symbol; scanners fail on less. */
const QUIET_ZONE = 4;
/** Pixels per module at the intrinsic size; the SVG scales (viewBox) for print. */
const MODULE_PX = 8;

/** The dark modules of `text` as a QR code (byte mode, error correction M: survives a crease or a smudge on a poster). */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, row) => Array.from({ length: n }, (_, col) => qr.isDark(row, col)));
}

/**
 * `text` as a QR code in SVG: one path of unit squares on a white ground, crisp edges, with the text as
 * its title (what a screen reader says, and what a person can type when the camera fails).
 */
export function qrSvg(text: string): string {
  const matrix = qrMatrix(text);
  const size = matrix.length + 2 * QUIET_ZONE;
  const squares = matrix.flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`] : []))).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size * MODULE_PX}" height="${size * MODULE_PX}" shape-rendering="crispEdges" role="img" aria-labelledby="t">`
    + `<title id="t">${htmlEscape(text)}</title><rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${squares}"/></svg>\n`;
}
