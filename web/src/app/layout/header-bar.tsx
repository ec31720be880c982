import { LogoutOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Divider, Flex, Input, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useLogout, type User } from '../../features/auth/api';
import { errorMessage } from '../../lib/error-message';
import { useLocale, useT } from '../i18n';

// The search box (AutoComplete and its select machinery) is its own chunk, to keep the first load small.
const GlobalSearch = lazy(async () => ({
  default: (await import('../../features/search/components/global-search')).GlobalSearch,
}));

export function HeaderBar({ user }: { user: User }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const { message } = App.useApp();
  const logout = useLogout();
  const nextLocale = locale === 'en' ? 'zh-CN' : 'en';

  return (
    <Flex align="center" justify="flex-end" gap={12} style={{ height: '100%' }}>
      <div role="search" style={{ marginInlineEnd: 'auto', display: 'flex', lineHeight: 'normal' }}>
        <Suspense fallback={<Input readOnly style={{ width: 340 }} placeholder={t('search.placeholder')} />}>
          <GlobalSearch />
        </Suspense>
      </div>
      <Flex align="center" gap={8} aria-label={t('header.currentUser')} role="group">
        <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1f4e9e' }} aria-hidden />
        <Typography.Text strong>{user.displayName}</Typography.Text>
        <Tag color={user.role === 'admin' ? 'gold' : 'blue'} style={{ marginInlineEnd: 0 }}>
          {t(`role.${user.role}`)}
        </Tag>
      </Flex>
      <Divider orientation="vertical" />
      <Button
        type="text"
        icon={<TranslationOutlined />}
        title={t('header.switchLanguageHint')}
        onClick={() => setLocale(nextLocale)}
      >
        <span lang={nextLocale}>{t('header.switchLanguage')}</span>
      </Button>
      <Button
        icon={<LogoutOutlined />}
        loading={logout.isPending}
        onClick={() => logout.mutate(undefined, { onError: (error) => void message.error(errorMessage(error, t)) })}
      >
        {t('header.logout')}
      </Button>
    </Flex>
  );
}
