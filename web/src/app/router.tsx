import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { ComingSoon } from '../components/coming-soon';
import { PageLoading } from '../components/page-loading';
import { NotFoundPage } from '../features/errors/pages/not-found-page';
import { ForbiddenPage } from '../features/errors/pages/forbidden-page';
import { RouteErrorPage } from '../features/errors/pages/route-error-page';
import { RequireAdmin } from './auth/require-admin';
import { RequireAuth } from './auth/require-auth';
import { AppLayout } from './layout/app-layout';

/** React.lazy for a module with named exports: `lazyPage(() => import('./x'), 'XPage')`. */
function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const LoginPage = lazyPage(() => import('../features/auth/pages/login-page'), 'LoginPage');
const HomePage = lazyPage(() => import('../features/home/pages/home-page'), 'HomePage');
const OrganizationsPage = lazyPage(
  () => import('../features/directory/pages/organizations-page'),
  'OrganizationsPage',
);
const UsersPage = lazyPage(() => import('../features/accounts/pages/users-page'), 'UsersPage');
const AuditLogPage = lazyPage(() => import('../features/audit/pages/audit-log-page'), 'AuditLogPage');

export const router = createBrowserRouter([
  {
    path: '/login',
    errorElement: <RouteErrorPage />,
    element: (
      <Suspense fallback={<PageLoading fullScreen />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    errorElement: <RouteErrorPage />,
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'directory',
        children: [
          { index: true, element: <Navigate to="/directory/organizations" replace /> },
          { path: 'organizations', element: <OrganizationsPage /> },
          { path: 'people', element: <ComingSoon area="nav.people" /> },
          { path: 'networks', element: <ComingSoon area="nav.networks" /> },
        ],
      },
      { path: 'needs/*', element: <ComingSoon area="nav.needs" /> },
      { path: 'events/*', element: <ComingSoon area="nav.events" /> },
      { path: 'map/*', element: <ComingSoon area="nav.map" /> },
      { path: 'stats/*', element: <ComingSoon area="nav.stats" /> },
      {
        path: 'admin',
        element: <RequireAdmin />,
        children: [
          { index: true, element: <Navigate to="/admin/users" replace /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'audit', element: <AuditLogPage /> },
        ],
      },
      { path: '403', element: <ForbiddenPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
