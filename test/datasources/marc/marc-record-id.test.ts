import { parseIso2709Record } from '../../../src/datasources/marc/iso2709.parse';
import { MarcIdRuleTally } from '../../../src/datasources/marc/marc.id-note';
import { marcRecordId } from '../../../src/datasources/marc/marc.record-id';
import { FieldSpec, iso2709, leader } from '../../support/marc-writer';

const idOf = (fields: FieldSpec[], lead = leader()) => marcRecordId(parseIso2709Record(iso2709(lead, fields)));
const title: FieldSpec = ['245', '10', [['a', 'The pragmatic programmer']]];

describe('MARC record id (001, else 035, 020, 010, content hash)', () => {
  it('uses the 001 when there is one, whatever else the record holds', () => {
    expect(idOf([['001', ' 42 '], ['035', '  ', [['a', '(OCoLC)12345']]], title])).toEqual({ id: '42', rule: '001' });
  });

  it('without a 001: the first 035 $a, then the first valid 020 $a as ISBN-13, then 010 $a, each prefixed by its tag', () => {
    const isbn: FieldSpec = ['020', '  ', [['a', '0-201-61622-X (pbk.)']]];
    const lccn: FieldSpec = ['010', '  ', [['a', '   99043581 ']]];
    expect(idOf([['035', '  ', [['z', '(OCoLC)1']]], ['035', '  ', [['a', ' (OCoLC)12345 ']]], isbn, lccn, title])).toEqual({ id: '035:(OCoLC)12345', rule: '035' });
    expect(idOf([['020', '  ', [['a', '0201616223']]], isbn, lccn, title])).toEqual({ id: '020:9780201616224', rule: '020' });
    expect(idOf([lccn, title])).toEqual({ id: '010:99043581', rule: '010' });
    expect(idOf([['001', '   '], ['020', '  ', [['z', '0201616223']]], title]).rule).toBe('sha256');
  });

  it('with none of them: a SHA-256 of the fields, the same for every copy of the record and across syncs', () => {
    const fields: FieldSpec[] = [['008', '991014s1999    maua          001 0 eng  '], title];
    const { id, rule } = idOf(fields);
    expect(rule).toBe('sha256');
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(idOf(fields).id).toBe(id);
    // The leader (length, status, coding) and the volatile fields (005 stamp, 952 items) do not count.
    expect(idOf(fields, leader({ status: 'c', coding: ' ' })).id).toBe(id);
    expect(idOf([['005', '20261207021500.0'], ...fields, ['952', '  ', [['a', 'CEN'], ['q', '2026-12-20']]]]).id).toBe(id);
    expect(idOf([...fields, ['500', '  ', [['a', 'Second printing.']]]]).id).not.toBe(id);
  });

  it('sums up the rules used for records without a 001 in one note', () => {
    const tally = new MarcIdRuleTally();
    expect(tally.note()).toBeNull();
    for (const rule of ['001', 'sha256', '035', '020', '035'] as const) tally.add(rule);
    expect(tally.note()).toBe('4 record(s) had no 001; identified by 035 system control number (2), 020 ISBN (1), content hash (1)');
  });
});
