import { TableColumnOptions } from 'typeorm';

/** Column builders for migrations: the same SQL types the entities declare, on both backends. */
export const col = {
  id: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '64', isPrimary: true }),
  ref: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '64', isNullable: nullable }),
  text: (name: string, length: number, nullable = false): TableColumnOptions => ({
    name, type: 'varchar', length: String(length), isNullable: nullable,
  }),
  longText: (name: string, nullable = true): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  jsonList: (name: string): TableColumnOptions => ({ name, type: 'text', default: "'[]'" }),
  instant: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '24', isNullable: nullable }),
  int: (name: string, defaultValue?: number): TableColumnOptions => ({
    name, type: 'integer', isNullable: defaultValue === undefined, ...(defaultValue === undefined ? {} : { default: defaultValue }),
  }),
  float: (name: string): TableColumnOptions => ({ name, type: 'double precision', isNullable: true }),
  bool: (name: string): TableColumnOptions => ({ name, type: 'boolean' }),
  enumText: (name: string, defaultValue?: string): TableColumnOptions => ({
    name, type: 'varchar', length: '16', ...(defaultValue ? { default: `'${defaultValue}'` } : {}),
  }),
};
