import { isValidDate } from './util';

export interface FoundDate {
  value: string | null;
  partial: string | null;
  start: number;
  end: number;
}

const FULL = /(20\d{2}|19\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?/g;
const MONTH_DAY = /(?:(20\d{2})年)?(\d{1,2})月(\d{1,2})日/g;
const DATELINE = /(?:电|讯|报道)\s*[(（]?\s*$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The page date: the first full date in the header/meta lines (or a wire dateline with a year). */
export function publishDate(headerText: string, headerStart: number): FoundDate | null {
  for (const m of headerText.matchAll(FULL)) {
    const v = `${m[1]}-${pad(+m[2])}-${pad(+m[3])}`;
    if (isValidDate(v)) return { value: v, partial: null, start: headerStart + m.index, end: headerStart + m.index + m[0].length };
  }
  return null;
}

/**
 * The event date: the first "M月D日" of the body that is not the wire dateline (…10月12日电), with the
 * year written beside it, else the page's year (a month after the page's month means the year before);
 * no year anywhere → value null and the partial "--MM-DD" kept.
 */
export function eventDate(body: string, bodyStart: number, publish: string | null): FoundDate | null {
  let fallback: FoundDate | null = null;
  for (const m of body.matchAll(MONTH_DAY)) {
    const after = body.slice(m.index + m[0].length, m.index + m[0].length + 3);
    const isDateline = /^\s*电/.test(after);
    const month = +m[2];
    const day = +m[3];
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    let year: number | null = m[1] ? +m[1] : null;
    if (year === null && publish) {
      const [py, pm] = publish.split('-').map(Number);
      year = month > pm + 1 ? py - 1 : py;
    }
    const found: FoundDate = {
      value: year !== null && isValidDate(`${year}-${pad(month)}-${pad(day)}`) ? `${year}-${pad(month)}-${pad(day)}` : null,
      partial: year === null ? `--${pad(month)}-${pad(day)}` : null,
      start: bodyStart + m.index,
      end: bodyStart + m.index + m[0].length,
    };
    if (isDateline || DATELINE.test(body.slice(Math.max(0, m.index - 3), m.index))) {
      fallback ??= found;
      continue;
    }
    return found;
  }
  return fallback;
}

/** A wire dateline's date with its year taken from the text: 新华社上海3月5日电 on a page of 2024. */
export function datelineDate(body: string, bodyStart: number): { month: number; day: number; start: number; end: number } | null {
  const m = /(\d{1,2})月(\d{1,2})日电/.exec(body.slice(0, 200));
  return m ? { month: +m[1], day: +m[2], start: bodyStart + m.index, end: bodyStart + m.index + m[0].length } : null;
}
