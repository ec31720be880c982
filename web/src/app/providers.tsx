import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useMemo, type ReactNode } from 'react';
import { useReducedMotion } from '../lib/use-reduced-motion';
import { I18nProvider, useLocale } from './i18n';
import { queryClient } from './query-client';
import { theme } from './theme';

function AntdProvider({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  // who asked the system for less motion gets none: modals, drawers and dropdowns open in place
  const reducedMotion = useReducedMotion();
  const themed = useMemo(() => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme), [reducedMotion]);
  // antd's date pickers and calendars name months and weekdays through dayjs's global locale
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      theme={themed}
      // antd would render 登录 as "登 录"; keep Chinese words as they are written.
      button={{ autoInsertSpace: false }}
    >
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AntdProvider>{children}</AntdProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
