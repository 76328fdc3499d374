/**
 * The code tables of the `marc8` package (plain CommonJS data, no typings shipped). Only
 * src/datasources/marc/marc8.tables.ts reads them.
 */
declare module 'marc8/lib/marc8_mapping' {
  /** [Unicode code point, 1 when the character is a combining mark else 0]. */
  type Marc8MappingEntry = [codePoint: number, combining: number];
  /**
   * Keyed by the final byte of the designating escape (0x42 'B' Basic Latin, 0x31 '1' EACC, ...); each
   * table keyed by the MARC-8 byte, or for EACC by its three bytes as one 24-bit number.
   */
  export const CODESETS: Record<number, Record<number, Marc8MappingEntry>>;
}
