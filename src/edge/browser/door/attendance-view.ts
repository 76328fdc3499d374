import { countsFieldset, CountsFieldset } from './counts-form';
import { Attendance, categoryFields, DoorEvent, isDropIn } from './model';

const $ = (id: string) => document.getElementById(id)!;

/** As the API caps them: walk-ins per addition, a head count per category. */
const MAX_WALK_INS = 100;
const MAX_HEAD_COUNT = 100_000;

/** Who came beyond the check-ins: walk-ins and the total, from the last answer the server gave. */
export function renderAttendance(a: Pick<Attendance, 'walkIns' | 'total'> | null): void {
  $('c-walk-ins').textContent = a ? String(a.walkIns) : '–';
  $('c-total').textContent = a ? String(a.total) : '–';
}

/**
 * The event's two counts forms, one number per category it counts by: walk-ins (starting blank) beside
 * the lists, or, for a drop-in event, the head count alone (starting at the last one saved) and no lists.
 */
export function renderCountForms(e: DoorEvent): { walkIns: CountsFieldset; head: CountsFieldset } {
  const categories = e.registration.partyCategories;
  const walkIns = countsFieldset('People who came without registering', categoryFields(categories, MAX_WALK_INS), 'walk-in');
  const head = countsFieldset('People who came', categoryFields(categories, MAX_HEAD_COUNT, e.attendance && e.attendance.headCountByCategory), 'head');
  $('walk-in-numbers').replaceChildren(walkIns.element);
  $('head-numbers').replaceChildren(head.element);
  const dropIn = isDropIn(e);
  $('lists').hidden = dropIn;
  $('head-form').hidden = !dropIn;
  $('counts').classList.toggle('drop-in', dropIn);
  for (const cell of Array.from(document.querySelectorAll<HTMLElement>('.counts .for-lists'))) cell.hidden = dropIn;
  return { walkIns, head };
}

/** Nothing of the last event left for the next key. */
export function clearCountForms(): void {
  $('walk-in-numbers').replaceChildren();
  $('head-numbers').replaceChildren();
  renderAttendance(null);
}
