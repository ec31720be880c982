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
const NeedsPage = lazyPage(() => import('../features/needs/pages/needs-page'), 'NeedsPage');
const NeedDetailPage = lazyPage(() => import('../features/needs/pages/need-detail-page'), 'NeedDetailPage');
const NeedsInboxPage = lazyPage(() => import('../features/needs/pages/inbox-page'), 'InboxPage');
const NeedsCalendarPage = lazyPage(() => import('../features/needs/pages/calendar-page'), 'CalendarPage');
const NeedsRegistrationsPage = lazyPage(() => import('../features/needs/pages/registrations-page'), 'RegistrationsPage');
const ProjectListPage = lazyPage(() => import('../features/needs/pages/project-list-page'), 'ProjectListPage');
const MatchWeightsPage = lazyPage(() => import('../features/needs/pages/match-weights-page'), 'MatchWeightsPage');
const EnterpriseRegisterPage = lazyPage(() => import('../features/needs/pages/enterprise-register-page'), 'EnterpriseRegisterPage');
const AuditLogPage = lazyPage(() => import('../features/audit/pages/audit-log-page'), 'AuditLogPage');
const MapPage = lazyPage(() => import('../features/map/pages/map-page'), 'MapPage');
const AreasPage = lazyPage(() => import('../features/map/pages/areas-page'), 'AreasPage');
const AreaPage = lazyPage(() => import('../features/map/pages/area-page'), 'AreaPage');
const RoutesPage = lazyPage(() => import('../features/map/pages/routes-page'), 'RoutesPage');
const RoutePage = lazyPage(() => import('../features/map/pages/route-page'), 'RoutePage');
const DistrictFiguresPage = lazyPage(() => import('../features/map/pages/district-figures-page'), 'DistrictFiguresPage');
const EmbedAreaPage = lazyPage(() => import('../features/map/pages/embed-area-page'), 'EmbedAreaPage');
const EventsPage = lazyPage(() => import('../features/events/pages/events-page'), 'EventsPage');
const EventDetailPage = lazyPage(() => import('../features/events/pages/event-detail-page'), 'EventDetailPage');
const AgreementsPage = lazyPage(() => import('../features/events/pages/agreements-page'), 'AgreementsPage');
const EventsCalendarPage = lazyPage(() => import('../features/events/pages/events-calendar-page'), 'EventsCalendarPage');
const CheckInPage = lazyPage(() => import('../features/events/pages/check-in-page'), 'CheckInPage');
const PublicEventPage = lazyPage(() => import('../features/events/pages/public-event-page'), 'PublicEventPage');
const ReportsPage = lazyPage(() => import('../features/ingest/pages/reports-page'), 'ReportsPage');
const ReportReviewPage = lazyPage(() => import('../features/ingest/pages/report-review-page'), 'ReportReviewPage');
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
    // the public, embeddable read-only map of a published area: no session
    path: '/embed/areas/:id',
    errorElement: <RouteErrorPage />,
    element: (
      <Suspense fallback={<PageLoading fullScreen />}>
        <EmbedAreaPage />
      </Suspense>
    ),
  },
  {
    path: '/public/enterprise-register',
    errorElement: <RouteErrorPage />,
    element: (
      <Suspense fallback={<PageLoading fullScreen />}>
        <EnterpriseRegisterPage />
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
      {
        path: 'needs',
        children: [
          { index: true, element: <NeedsPage /> },
          { path: 'inbox', element: <NeedsInboxPage /> },
          { path: 'calendar', element: <NeedsCalendarPage /> },
          { path: 'registrations', element: <NeedsRegistrationsPage /> },
          { path: 'weights', element: <MatchWeightsPage /> },
          { path: 'projects', element: <ProjectListPage /> },
          { path: ':id', element: <NeedDetailPage /> },
        ],
      },
      {
        path: 'map',
        children: [
          { index: true, element: <MapPage /> },
          { path: 'areas', element: <AreasPage /> },
          { path: 'areas/new', element: <AreaPage /> },
          { path: 'areas/:id', element: <AreaPage /> },
          { path: 'routes', element: <RoutesPage /> },
          { path: 'routes/:id', element: <RoutePage /> },
          { path: 'stats', element: <DistrictFiguresPage /> },
        ],
      },
      {
        path: 'events',
        children: [
          { index: true, element: <EventsPage /> },
          { path: 'agreements', element: <AgreementsPage /> },
          { path: 'calendar', element: <EventsCalendarPage /> },
          { path: ':id', element: <EventDetailPage /> },
          { path: ':id/check-in', element: <CheckInPage /> },
        ],
      },
      {
        path: 'reports',
        children: [
          { index: true, element: <ReportsPage /> },
          { path: ':id', element: <ReportReviewPage /> },
        ],
      },
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
