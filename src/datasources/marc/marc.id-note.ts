import { MARC_ID_RULE_LABELS, MarcIdRule } from './marc.record-id';

/**
 * Counts which fallback rule identified the records that had no 001, for one summary note in the pull:
 * "12 record(s) had no 001; identified by 035 system control number (9), 020 ISBN (2), content hash (1)".
 */
export class MarcIdRuleTally {
  private readonly counts = new Map<Exclude<MarcIdRule, '001'>, number>();

  add(rule: MarcIdRule): void {
    if (rule !== '001') this.counts.set(rule, (this.counts.get(rule) ?? 0) + 1);
  }

  /** Null when every record had its own 001. Rules are listed in the order they are tried. */
  note(): string | null {
    const used = (Object.keys(MARC_ID_RULE_LABELS) as (keyof typeof MARC_ID_RULE_LABELS)[]).filter((rule) => this.counts.has(rule));
    if (!used.length) return null;
    const total = used.reduce((sum, rule) => sum + this.counts.get(rule)!, 0);
    return `${total} record(s) had no 001; identified by ${used.map((rule) => `${MARC_ID_RULE_LABELS[rule]} (${this.counts.get(rule)})`).join(', ')}`;
  }
}
