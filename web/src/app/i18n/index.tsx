import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { setApiLocale } from '../../lib/api';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey } from './zh-CN';
export type Locale = 'zh-CN' | 'en';
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const locales: readonly Locale[] = ['zh-CN', 'en'];
export const localeStorageKey = 'tongxin.locale';

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

export function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(localeStorageKey);
    if (stored === 'en' || stored === 'zh-CN') return stored;
  } catch {
    // storage may be unavailable (private mode, sandboxed frame): fall back to Chinese
  }
  return 'zh-CN';
}

function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(localeStorageKey, locale);
  } catch {
    // not persisted; the choice still applies to this tab
  }
}

function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return interpolate(dictionaries[locale][key] ?? zhCN[key] ?? key, params);
}

interface I18nContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18nContextValue | null>(null);

export function I18nProvider({ children, initialLocale }: { children: ReactNode; initialLocale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale ?? readStoredLocale());
  // The API client must know the language before the first request goes out.
  setApiLocale(locale);

  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate(locale, 'app.documentTitle');
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setApiLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nContextValue>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18nContext(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT/useLocale must be used inside <I18nProvider>');
  return value;
}

/** The translate function of the current locale: `t('nav.home')`, `t('common.total', { total: 3 })`. */
export function useT(): Translate {
  return useI18nContext().t;
}

export function useLocale(): { locale: Locale; setLocale: (locale: Locale) => void } {
  const { locale, setLocale } = useI18nContext();
  return { locale, setLocale };
}
