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

/** Search, who is signed in, language and logout; `compact` (phones) keeps only icons beside the search box. */
export function HeaderBar({ user, compact = false }: { user: User; compact?: boolean }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const { message } = App.useApp();
  const logout = useLogout();
  const nextLocale = locale === 'en' ? 'zh-CN' : 'en';

  return (
    <Flex align="center" justify="flex-end" gap={compact ? 4 : 12} className="tx-header-bar">
      <div role="search" className="tx-header-search">
        <Suspense fallback={<Input readOnly className="tx-global-search" placeholder={t('search.placeholder')} />}>
          <GlobalSearch />
        </Suspense>
      </div>
      <Flex
        align="center"
        gap={8}
        aria-label={t('header.currentUser')}
        role="group"
        className="tx-header-user"
        title={compact ? `${user.displayName} · ${t(`role.${user.role}`)}` : undefined}
      >
        <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1f4e9e', flex: 'none' }} aria-hidden />
        {compact ? (
          <span className="tx-visually-hidden">{user.displayName}</span>
        ) : (
          <>
            <Typography.Text strong ellipsis className="tx-header-user-name">
              {user.displayName}
            </Typography.Text>
            <Tag color={user.role === 'admin' ? 'gold' : 'blue'} style={{ marginInlineEnd: 0 }}>
              {t(`role.${user.role}`)}
            </Tag>
          </>
        )}
      </Flex>
      {compact ? null : <Divider orientation="vertical" />}
      <Button
        type="text"
        icon={<TranslationOutlined />}
        title={t('header.switchLanguageHint')}
        aria-label={compact ? t('header.switchLanguageHint') : undefined}
        onClick={() => setLocale(nextLocale)}
      >
        {compact ? null : <span lang={nextLocale}>{t('header.switchLanguage')}</span>}
      </Button>
      <Button
        type={compact ? 'text' : 'default'}
        icon={<LogoutOutlined />}
        loading={logout.isPending}
        title={compact ? t('header.logout') : undefined}
        aria-label={compact ? t('header.logout') : undefined}
        onClick={() => logout.mutate(undefined, { onError: (error) => void message.error(errorMessage(error, t)) })}
      >
        {compact ? null : t('header.logout')}
      </Button>
    </Flex>
  );
}
