/** 10.02 km² / 1.2 km / 850 m, in the interface language's number format. */
export const formatKm2 = (v: number, locale: string) => `${v.toLocaleString(locale, { maximumFractionDigits: 2 })} km²`;
export const formatMetres = (m: number | null, locale: string) =>
  m === null ? '—' : m >= 1000 ? `${(m / 1000).toLocaleString(locale, { maximumFractionDigits: 2 })} km` : `${Math.round(m)} m`;
