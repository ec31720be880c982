import { Layout, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet } from 'react-router';
import { PageLoading } from '../../components/page-loading';
import { useCurrentUser } from '../auth/require-auth';
import { useT } from '../i18n';
import { HeaderBar } from './header-bar';
import { NavMenu } from './nav-menu';
import './app-layout.css';

export function AppLayout() {
  const t = useT();
  const user = useCurrentUser();
  const [collapsed, setCollapsed] = useState(false);

  return (
    <Layout className="tx-shell">
      <a className="tx-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={216}
        className="tx-sider"
      >
        <Link to="/" className="tx-brand" aria-label={t('app.name')}>
          <span className="tx-brand-mark" aria-hidden>
            同
          </span>
          {collapsed ? null : (
            <span className="tx-brand-text">
              <span className="tx-brand-name">{t('app.name')}</span>
              <span className="tx-brand-tagline">{t('app.tagline')}</span>
            </span>
          )}
        </Link>
        <nav aria-label={t('nav.label')}>
          <NavMenu role={user.role} collapsed={collapsed} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="tx-header">
          <HeaderBar user={user} />
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} className="tx-content">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer className="tx-footer">
          <Typography.Text type="secondary">{t('app.footer')}</Typography.Text>
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
