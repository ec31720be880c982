import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { PageLoading } from '../../components/page-loading';
import { useCurrentUser } from '../auth/require-auth';
import { useT } from '../i18n';
import { HeaderBar } from './header-bar';
import { NavMenu } from './nav-menu';
import './app-layout.css';

function Brand({ collapsed = false }: { collapsed?: boolean }) {
  const t = useT();
  return (
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
  );
}

/**
 * The page frame. From `lg` up a dark side menu that runs the full height and stays put while the page scrolls;
 * below it (phones, narrow tablets) the menu is a drawer opened from the header's ☰ button.
 */
export function AppLayout() {
  const t = useT();
  const user = useCurrentUser();
  const screens = Grid.useBreakpoint();
  // before the first measurement every breakpoint is undefined: assume a desktop, as the server-less first paint does
  const narrow = screens.lg === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { pathname } = useLocation();

  // following a link in the drawer closes it
  useEffect(() => setDrawerOpen(false), [pathname]);

  return (
    <Layout className={narrow ? 'tx-shell tx-shell-narrow' : 'tx-shell'}>
      <a className="tx-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {narrow ? (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={256}
          closable={false}
          className="tx-nav-drawer"
          title={null}
          styles={{ body: { padding: 0 } }}
        >
          <Brand />
          <nav aria-label={t('nav.label')}>
            <NavMenu role={user.role} collapsed={false} />
          </nav>
        </Drawer>
      ) : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={216}
          className="tx-sider"
          // antd's own Sider rule (position: relative) outranks a class; the menu must follow the page
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto', insetInlineStart: 0 }}
        >
          <Brand collapsed={collapsed} />
          <nav aria-label={t('nav.label')}>
            <NavMenu role={user.role} collapsed={collapsed} />
          </nav>
        </Layout.Sider>
      )}
      <Layout className="tx-main">
        <Layout.Header className="tx-header">
          {narrow ? (
            <Button
              type="text"
              className="tx-menu-button"
              icon={<MenuOutlined />}
              aria-label={t('shell.openMenu')}
              aria-expanded={drawerOpen}
              onClick={() => setDrawerOpen(true)}
            />
          ) : null}
          <HeaderBar user={user} compact={narrow} />
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
