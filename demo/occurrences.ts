import { DateTime } from 'luxon';
import { DemoProgram, DemoSchedule, TOWN_TIMEZONE } from './town';

export interface DemoOccurrence {
  program: DemoProgram;
  /** Local date (YYYY-MM-DD) of this occurrence, which also keys its id. */
  date: string;
  /** Week of the demo it falls in: 0 is the week of the seed's `now`. */
  week: number;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  startDate: string | null;
  endDate: string | null;
}

export const DEMO_WEEKS = 8;

function datesOf(schedule: DemoSchedule, weekStart: DateTime): DateTime[] {
  const weeks = Array.from({ length: DEMO_WEEKS }, (_, w) => weekStart.plus({ weeks: w }));
  switch (schedule.kind) {
    case 'once':
      return [weekStart.plus({ weeks: schedule.weekOffset }).set({ weekday: schedule.weekday as 1 })];
    case 'weekly':
      return weeks.map((week) => week.set({ weekday: schedule.weekday as 1 }));
    case 'monthly': {
      const end = weekStart.plus({ weeks: DEMO_WEEKS });
      const dates: DateTime[] = [];
      for (let month = weekStart.startOf('month'); month < end; month = month.plus({ months: 1 })) {
        const offset = (schedule.weekday - month.weekday + 7) % 7;
        const date = month.plus({ days: offset + 7 * (schedule.nth - 1) });
        if (date >= weekStart && date < end) dates.push(date);
      }
      return dates;
    }
  }
}

/** Expands the demo programs into concrete occurrences over the eight weeks from this week's Monday. */
export function demoOccurrences(programs: DemoProgram[], now: Date): DemoOccurrence[] {
  const weekStart = DateTime.fromJSDate(now, { zone: TOWN_TIMEZONE }).startOf('week');
  return programs.flatMap((program) => datesOf(program.schedule, weekStart).map((day) => {
    const week = Math.floor(Math.round(day.diff(weekStart, 'days').days) / 7);
    if (!program.time) {
      const end = day.plus({ days: program.days ?? 1 });
      return {
        program, date: day.toISODate()!, week, allDay: true,
        startsAt: day.toJSDate(), endsAt: end.toJSDate(), startDate: day.toISODate()!, endDate: end.toISODate()!,
      };
    }
    const [hour, minute] = program.time.split(':').map(Number);
    const start = day.set({ hour, minute, second: 0, millisecond: 0 });
    return {
      program, date: day.toISODate()!, week, allDay: false,
      startsAt: start.toJSDate(), endsAt: start.plus({ minutes: program.minutes ?? 60 }).toJSDate(), startDate: null, endDate: null,
    };
  }));
}
