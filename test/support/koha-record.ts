import { FieldSpec, leader } from './marc-writer';

/** A Koha-style export record: bibliographic fields plus 952 items, as Koha's MARC export writes them. */
export function kohaBook(opts: {
  id: string; title: string; isbn?: string; author?: string; subjects?: string[]; oclc?: string; series?: string;
  items?: { branch: string; barcode: string; itemnumber?: string; due?: string; notForLoan?: string; lost?: string }[];
  status?: string; type?: string; language?: string; year?: number;
}): { leader: string; fields: FieldSpec[] } {
  const fields: FieldSpec[] = [
    ['001', opts.id], ['003', 'MilbPL'],
    ['008', `240101s${opts.year ?? 2020}    xxu           000 0 ${opts.language ?? 'eng'} d`],
  ];
  if (opts.isbn) fields.push(['020', '  ', [['a', opts.isbn]]]);
  if (opts.oclc) fields.push(['035', '  ', [['a', `(OCoLC)${opts.oclc}`]]]);
  if (opts.author) fields.push(['100', '1 ', [['a', `${opts.author},`]]]);
  fields.push(['245', '10', [['a', `${opts.title} /`], ['c', opts.author ?? 'Anonymous']]]);
  if (opts.series) fields.push(['490', '1 ', [['a', opts.series]]]);
  for (const s of opts.subjects ?? []) fields.push(['650', ' 0', [['a', `${s}.`]]]);
  for (const item of opts.items ?? []) {
    const sub: [string, string][] = [['a', item.branch], ['b', item.branch], ['o', `FIC ${opts.title.slice(0, 3).toUpperCase()}`], ['p', item.barcode], ['y', 'BK']];
    if (item.itemnumber) sub.push(['9', item.itemnumber]);
    if (item.due) sub.push(['q', item.due]);
    if (item.notForLoan) sub.push(['7', item.notForLoan]);
    if (item.lost) sub.push(['1', item.lost]);
    fields.push(['952', '  ', sub]);
  }
  return { leader: leader({ status: opts.status, type: opts.type }), fields };
}
