import { el } from '../dashboard/overview-view';
import { CountField, countsOf, countsProblem, PartyCountEntry } from './model';

/** A fieldset of numbers, one per category, and what it reads. */
export interface CountsFieldset {
  element: HTMLElement;
  /** The counts typed, or the reason in words they cannot be sent. */
  read(): { counts: PartyCountEntry[] } | { problem: string };
  /** Puts new starting values in (after an answer, or blanks after an addition). */
  fill(values: PartyCountEntry[] | null): void;
  focus(): void;
}

/**
 * The numbers of "Some of them", walk-ins and the head count alike: a labelled number input per
 * category, inputmode numeric so a phone opens its number pad. `idPrefix` keeps ids unique when a
 * page holds many (one per party row).
 */
export function countsFieldset(legend: string, fields: CountField[], idPrefix: string): CountsFieldset {
  const inputs = fields.map((f) => el('input', null, {
    id: `${idPrefix}-${f.key}`, type: 'number', min: '0', max: String(f.max), step: '1', inputmode: 'numeric', value: String(f.value),
  }) as HTMLInputElement);
  const element = el('fieldset', null, { class: 'numbers' });
  element.append(el('legend', legend), ...fields.map((f, i) => {
    const cell = el('div');
    cell.append(el('label', f.label, { for: inputs[i].id }), inputs[i]);
    return cell;
  }));
  const typed = () => inputs.map((input) => input.value);
  return {
    element,
    read() {
      // A number input's value is '' for text it cannot parse; validity says so, and the field's words follow.
      const broken = inputs.findIndex((input) => input.validity.badInput);
      if (broken >= 0) return { problem: `${fields[broken].label}: enter a whole number from 0 to ${fields[broken].max}.` };
      const problem = countsProblem(fields, typed());
      return problem ? { problem } : { counts: countsOf(fields, typed()) };
    },
    fill(values) {
      fields.forEach((f, i) => { inputs[i].value = String(values?.find((v) => v.category === f.key)?.count ?? 0); });
    },
    focus: () => inputs[0]?.focus(),
  };
}
