import type { Locale } from '../app/i18n';

const shanghai = 'Asia/Shanghai';

function intlLocale(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : 'zh-CN';
}

/** Date and time as people in Shanghai read it, whatever the browser's time zone. */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: shanghai,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(date);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}
