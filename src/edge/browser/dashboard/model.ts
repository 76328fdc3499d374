/** The dashboard's view of the API's answers (DASHBOARD_OVERVIEW), and the choices in its filter form. */
export interface Reg { mode: string; capacity: number | null; confirmed: number; waitlisted: number; held: number; remaining: number | null }
export interface Ev { id: string; title: string; startsAt: string; timezone: string; registration: Reg }
export interface Totals { events: number; seats: number; confirmed: number; waitlisted: number; attended: number; fillRate: number | null }
export interface Program { key: string; title: string; organizer: { name: string }; totals: Totals; occurrences: Ev[] }
export interface Attention { reason: 'FULL_NO_WAITLIST' | 'UNDER_FILLED' | 'NOT_YET_OPEN'; event: Ev }
export interface Overview { complete: boolean; totals: Totals; programs: Program[]; needsAttention: Attention[] }

export interface Filters { partner: string; from: string; to: string; program: string }

/** The page's own URL carries the filters (?partner=&from=&to=&program=), so a view can be bookmarked and shared. */
export function filtersFromUrl(search: string): Filters {
  const q = new URLSearchParams(search);
  return { partner: q.get('partner') || '', from: q.get('from') || '', to: q.get('to') || '', program: q.get('program') || '' };
}

export function urlOf(f: Filters): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  const s = q.toString();
  return location.pathname + (s ? '?' + s : '');
}

/** The EventFilter for a view: dates are whole days where the browser is; with no `from`, what is still on now. */
export function eventFilter(f: Filters): Record<string, unknown> {
  const day = (date: string, plusDays = 0) => {
    const d = new Date(date + 'T00:00:00');
    d.setDate(d.getDate() + plusDays);
    return d.toISOString();
  };
  return {
    from: f.from ? day(f.from) : new Date().toISOString(),
    ...(f.to ? { to: day(f.to, 1) } : {}),
    ...(f.partner ? { partnerSlugs: [f.partner] } : {}),
  };
}

/** One program (the form's Program choice) or all of them: its own totals, rows, dates and attention items. */
export function narrowed(o: Overview, program: string): Overview {
  const chosen = program ? o.programs.filter((p) => p.key === program) : o.programs;
  if (!program || !chosen.length) return o;
  const ids = new Set(chosen[0].occurrences.map((e) => e.id));
  return { complete: o.complete, totals: chosen[0].totals, programs: chosen, needsAttention: o.needsAttention.filter((a) => ids.has(a.event.id)) };
}
