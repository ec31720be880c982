import { shanghaiDistricts } from '../../../common/validators';
import type { Locale } from '../app/i18n';

export { shanghaiDistricts };

/** A district's name in the interface language; the code itself when it is not a Shanghai district. */
export function districtLabel(code: string | null | undefined, locale: Locale, fallback?: string | null): string {
  if (!code) return fallback ?? '';
  const district = shanghaiDistricts.find((d) => d.code === code);
  if (!district) return fallback ?? code;
  return locale === 'en' ? district.nameEn : district.name;
}

export function districtOptions(locale: Locale): { value: string; label: string }[] {
  return shanghaiDistricts.map((d) => ({ value: d.code, label: locale === 'en' ? d.nameEn : d.name }));
}
