/**
 * Shanghai calendar dates: the one place that says what "today" is. Every date a user sees or picks
 * (joined/left on, affiliation start/end, the date in an export's file name) is a calendar date in
 * Shanghai (UTC+8, no daylight saving), whatever the time zone of the server, the browser or CI.
 * Between 16:00 and 24:00 UTC Shanghai is already on the next day.
 *
 * No dependencies (no zod, no dayjs): imported by the server, the web app and the tests alike.
 */
export const SHANGHAI_TIME_ZONE = 'Asia/Shanghai';

const parts = new Intl.DateTimeFormat('en-US', { timeZone: SHANGHAI_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Shanghai of an instant. */
export function shanghaiDate(at: Date | number): string {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/** The instant of a Shanghai calendar date (YYYY-MM-DD) at a wall-clock time (HH:MM, midnight by default). */
export const shanghaiInstant = (day: string, time = '00:00'): Date => new Date(`${day}T${time}:00+08:00`);

/** Today's date (YYYY-MM-DD) in Shanghai. Reads the clock on every call (fake clocks in tests work). */
export const shanghaiToday = (): string => shanghaiDate(new Date());

const timeParts = new Intl.DateTimeFormat('en-US', { timeZone: SHANGHAI_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "2024-09-20 14:00": an instant as a Shanghai wall-clock time (events' starts and ends). */
export function shanghaiDateTime(at: Date | number | string): string {
  const p = Object.fromEntries(timeParts.formatToParts(typeof at === 'string' ? new Date(at) : at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
