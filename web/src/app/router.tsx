import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter, Navigate, Outlet } from 'react-router';
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
  () => import('../features/organizations/pages/organizations-page'),
  'OrganizationsPage',
);
const OrganizationDetailPage = lazyPage(
  () => import('../features/organizations/pages/organization-detail-page'),
  'OrganizationDetailPage',
);
const PeoplePage = lazyPage(() => import('../features/people/pages/people-page'), 'PeoplePage');
const PersonDetailPage = lazyPage(() => import('../features/people/pages/person-detail-page'), 'PersonDetailPage');
const NetworksPage = lazyPage(() => import('../features/networks/pages/networks-page'), 'NetworksPage');
const NetworkDetailPage = lazyPage(() => import('../features/networks/pages/network-detail-page'), 'NetworkDetailPage');
const IndustriesPage = lazyPage(() => import('../features/industries/pages/industries-page'), 'IndustriesPage');
const PlacesPage = lazyPage(() => import('../features/places/pages/places-page'), 'PlacesPage');
const PlaceDetailPage = lazyPage(() => import('../features/places/pages/place-detail-page'), 'PlaceDetailPage');
const SearchPage = lazyPage(() => import('../features/search/pages/search-page'), 'SearchPage');
const UsersPage = lazyPage(() => import('../features/accounts/pages/users-page'), 'UsersPage');
const AuditLogPage = lazyPage(() => import('../features/audit/pages/audit-log-page'), 'AuditLogPage');
const EventsPage = lazyPage(() => import('../features/events/pages/events-page'), 'EventsPage');
const EventDetailPage = lazyPage(() => import('../features/events/pages/event-detail-page'), 'EventDetailPage');
const AgreementsPage = lazyPage(() => import('../features/events/pages/agreements-page'), 'AgreementsPage');
const CheckInPage = lazyPage(() => import('../features/events/pages/check-in-page'), 'CheckInPage');
const PublicEventPage = lazyPage(() => import('../features/events/pages/public-event-page'), 'PublicEventPage');
const PublicCalendarPage = lazyPage(() => import('../features/events/pages/public-calendar-page'), 'PublicCalendarPage');

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
    path: '/public/events',
    errorElement: <RouteErrorPage />,
    element: <Suspense fallback={<PageLoading fullScreen />}><Outlet /></Suspense>,
    children: [
      { index: true, element: <PublicCalendarPage /> },
      { path: ':id', element: <PublicEventPage /> },
    ],
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
          { path: 'organizations/:id', element: <OrganizationDetailPage /> },
          { path: 'people', element: <PeoplePage /> },
          { path: 'people/:id', element: <PersonDetailPage /> },
          { path: 'networks', element: <NetworksPage /> },
          { path: 'networks/:id', element: <NetworkDetailPage /> },
          { path: 'industries', element: <IndustriesPage /> },
          { path: 'places', element: <PlacesPage /> },
          { path: 'places/:id', element: <PlaceDetailPage /> },
        ],
      },
      { path: 'search', element: <SearchPage /> },
      { path: 'needs/*', element: <ComingSoon area="nav.needs" /> },
      {
        path: 'events',
        children: [
          { index: true, element: <EventsPage /> },
          { path: 'agreements', element: <AgreementsPage /> },
          { path: ':id', element: <EventDetailPage /> },
          { path: ':id/check-in', element: <CheckInPage /> },
        ],
      },
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
