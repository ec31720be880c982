import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';

/** The frame of the public event pages: no session, no menu; the calendar link and the language switch. */
export function PublicShell({ children }: { children: ReactNode }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const nextLocale = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <div style={{ maxWidth: 760, margin: '0 auto', padding: '16px 12px 48px' }}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Link to="/public/events">
          <Typography.Text strong style={{ fontSize: 18 }}>
            {t('app.name')} · {t('event.publicCalendar')}
          </Typography.Text>
        </Link>
        <Button type="link" onClick={() => setLocale(nextLocale)}>
          <span lang={nextLocale}>{t('header.switchLanguage')}</span>
        </Button>
      </Flex>
      <main id="main">{children}</main>
    </div>
  );
}
