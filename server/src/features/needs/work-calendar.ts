import { sql } from 'drizzle-orm';
import type { NeedCategory } from '../../../../common/need-workflow';
import type { Executor } from '../../db/client';
import { needDeadlinePresets, workCalendar } from '../../db/schema';
import { AppError } from '../../lib/errors';

/** Exceptions to Monday–Friday: day → working (a 调休 make-up Saturday) or not (a public holiday). */
export type CalendarExceptions = ReadonlyMap<string, boolean>;

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

export function isWorkingDay(day: string, exceptions: CalendarExceptions): boolean {
  const listed = exceptions.get(day);
  if (listed !== undefined) return listed;
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** The date `n` working days after `from` (the day of submission counts as day 0). */
export function addWorkingDays(from: string, n: number, exceptions: CalendarExceptions): string {
  let day = from;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day, exceptions)) left--;
  }
  return day;
}

/** The next working day after `day` (escalation waits one working day past the deadline). */
export const nextWorkingDay = (day: string, exceptions: CalendarExceptions) => addWorkingDays(day, 1, exceptions);

/** Defaults when an admin set no preset for a category: first response / resolution in working days. */
export const defaultDeadlines: Record<NeedCategory, { respondDays: number; resolveDays: number }> = {
  technology: { respondDays: 3, resolveDays: 30 },
  financing: { respondDays: 3, resolveDays: 20 },
  listing: { respondDays: 5, resolveDays: 60 },
  overseas: { respondDays: 5, resolveDays: 30 },
  talent: { respondDays: 3, resolveDays: 20 },
  ip: { respondDays: 3, resolveDays: 20 },
  legal: { respondDays: 2, resolveDays: 15 },
  policy: { respondDays: 2, resolveDays: 10 },
  space: { respondDays: 3, resolveDays: 30 },
  market: { respondDays: 3, resolveDays: 30 },
  other: { respondDays: 3, resolveDays: 30 },
};

export async function deadlinePreset(ex: Executor, category: NeedCategory) {
  const [row] = await ex.select().from(needDeadlinePresets).where(sql`${needDeadlinePresets.category} = ${category}`);
  return row ?? { category, ...defaultDeadlines[category] };
}

/** The calendar's exceptions from `from` on (deadlines look at most a year ahead). */
export async function loadExceptions(ex: Executor, from: string): Promise<Map<string, boolean>> {
  const rows = await ex
    .select()
    .from(workCalendar)
    .where(sql`${workCalendar.day} >= ${from}::date - 31 and ${workCalendar.day} <= ${from}::date + 400`);
  return new Map(rows.map((r) => [r.day, r.working]));
}

/**
 * A calendar CSV: `日期,类型,名称` (date, 休/班 or holiday/workday, name), header optional. Every bad
 * row is named (第 N 行 / row N); nothing is stored unless every row is good.
 */
export function parseCalendarCsv(csv: string): { day: string; working: boolean; name: string }[] {
  const out: { day: string; working: boolean; name: string }[] = [];
  const problems: { path: string; message: string }[] = [];
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    const cells = line.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
    if (!cells.join('')) return;
    if (i === 0 && !/^\d{4}-\d{2}-\d{2}$/.test(cells[0]!)) return; // header
    const [day = '', type = '', name = ''] = cells;
    const row = `第 ${i + 1} 行 / row ${i + 1}`;
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && addDays(day, 0) === day;
    if (!valid) return problems.push({ path: `${row} / 日期`, message: `日期应为 YYYY-MM-DD（“${day}”）/ the date must be YYYY-MM-DD` });
    const t = type.toLowerCase();
    const working = ['班', '上班', '调休', 'workday', 'working', '1'].includes(t) ? true : ['休', '假', '节假日', 'holiday', '0'].includes(t) ? false : null;
    if (working === null) return problems.push({ path: `${row} / 类型`, message: `类型应为“休”或“班”（“${type}”）/ the type must be holiday or workday` });
    out.push({ day, working, name: name.slice(0, 100) });
  });
  if (problems.length) throw new AppError('IMPORT_INVALID', { fields: problems });
  return out;
}
