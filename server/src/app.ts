import { randomUUID } from 'node:crypto';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from './db/client';
import type { Env } from './env';
import { createAccountsService } from './features/accounts/accounts.service';
import { authRoutes } from './features/accounts/auth.routes';
import { userRoutes } from './features/accounts/users.routes';
import { auditRoutes } from './features/audit/audit.routes';
import { createAuditService } from './features/audit/audit.service';
import { healthRoutes } from './features/health/health.routes';
import { organizationRoutes } from './features/organizations/organizations.routes';
import { createOrganizationService } from './features/organizations/organizations.service';
import { createPeopleService } from './features/people/people.service';
import { peopleRoutes } from './features/people/people.routes';
import { createNetworkService } from './features/networks/networks.service';
import { networksRoutes } from './features/networks/networks.routes';
import { createIndustryService } from './features/industries/industries.service';
import { industriesRoutes } from './features/industries/industries.routes';
import { createPlaceService } from './features/places/places.service';
import { placesRoutes } from './features/places/places.routes';
import { createSearchService } from './features/search/search.service';
import { searchRoutes } from './features/search/search.routes';
import { createIoService } from './features/io/io.service';
import { ioRoutes } from './features/io/io.routes';
import { createIngestService } from './features/ingest/ingest.service';
import { ingestRoutes } from './features/ingest/ingest.routes';
import { createReportsService } from './features/ingest/reports.service';
import { reportsRoutes } from './features/ingest/reports.routes';
import { createEventService } from './features/events/events.service';
import { eventsRoutes } from './features/events/events.routes';
import { createMeetingService } from './features/events/event-meetings.service';
import { meetingsRoutes } from './features/events/event-meetings.routes';
import { statsRoutes } from './features/stats/stats.routes';
import { createStatsService } from './features/stats/stats.service';
import { createAreaService } from './features/map/areas.service';
import { createGeojsonService } from './features/map/geojson.service';
import { createMapService } from './features/map/map.service';
import { mapRoutes } from './features/map/map.routes';
import { createRouteService } from './features/map/routes.service';
import { createNeedService } from './features/needs/needs.service';
import { createNeedDeskService } from './features/needs/needs-desk.service';
import { needsRoutes } from './features/needs/needs.routes';
import { createEnterpriseRegistrationService } from './features/needs/enterprise-registration.service';
import { enterpriseRegistrationRoutes } from './features/needs/enterprise-registration.routes';
import { needProjectListRoutes } from './features/needs/need-project-list.routes';
import { installAuth } from './lib/auth';
import { installErrorHandler } from './lib/http-errors';
import { installOpenApi } from './lib/openapi';
import { validatorCompiler } from './lib/validation';
import { installSecurityHeaders } from './lib/security-headers';
import { serveWeb } from './lib/serve-web';
import { version } from './version';

export type AppEnv = Pick<Env, 'TONGXIN_SESSION_IDLE_MINUTES' | 'TONGXIN_SECURE_COOKIES' | 'TONGXIN_WEB_DIST' | 'LOG_LEVEL'> &
  Partial<Pick<Env, 'TONGXIN_SESSION_MAX_HOURS'>>;

export function createServices(database: Database, env: AppEnv) {
  const { db } = database;
  return {
    db,
    accounts: createAccountsService({ db, idleMinutes: env.TONGXIN_SESSION_IDLE_MINUTES, maxHours: env.TONGXIN_SESSION_MAX_HOURS }),
    audit: createAuditService({ db }),
    organizations: createOrganizationService({ db }),
    stats: createStatsService({ db }),
    people: createPeopleService({ db }),
    networks: createNetworkService({ db }),
    industries: createIndustryService({ db }),
    places: createPlaceService({ db }),
    search: createSearchService({ db }),
    io: createIoService({ db }),
    ingest: createIngestService({ db }),
    map: { areas: createAreaService({ db }), routes: createRouteService({ db }), map: createMapService({ db }), geojson: createGeojsonService({ db }) },
    ...needServices(db),
    events: createEventService({ db }),
    reports: createReportsService({ db }),
  };
}

function needServices(db: Database['db']) {
  const needs = createNeedService({ db });
  return {
    needs,
    needDesk: createNeedDeskService({ db, needsService: needs }),
    meetings: createMeetingService({ db, needs }),
    enterpriseRegistrations: createEnterpriseRegistrationService({ db }),
  };
}
export type Services = ReturnType<typeof createServices>;

/** The one place that wires things. */
export async function buildApp(database: Database, env: AppEnv, logger: FastifyServerOptions['logger'] = { level: env.LOG_LEVEL }) {
  const app = Fastify({
    logger,
    genReqId: () => randomUUID(),
    trustProxy: false,
    // `//api/…` is `/api/…` (and so authenticated like it); left alone, the static files' route took it and answered 403
    rewriteUrl: (req) => (req.url ?? '/').replace(/^\/{2,}/, '/'),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const services = createServices(database, env);

  await app.register(fastifyCookie);
  await installOpenApi(app, { title: 'Tongxin 同心 API', version });
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config as object), public: true };
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });
  installSecurityHeaders(app);
  installErrorHandler(app);
  installAuth(app, services.accounts);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
  healthRoutes(app, database);
  authRoutes(app, services.accounts, env.TONGXIN_SECURE_COOKIES);
  userRoutes(app, services.accounts);
  auditRoutes(app, services.audit);
  organizationRoutes(app, services.organizations);
  statsRoutes(app, services.stats);
  peopleRoutes(app, services.people);
  networksRoutes(app, services.networks);
  industriesRoutes(app, services.industries);
  placesRoutes(app, services.places);
  searchRoutes(app, services.search);
  ioRoutes(app, services.io);
  ingestRoutes(app, services.ingest);
  mapRoutes(app, services.map);
  needsRoutes(app, services.needs, services.needDesk);
  enterpriseRegistrationRoutes(app, services.enterpriseRegistrations);
  needProjectListRoutes(app, services.db);
  eventsRoutes(app, services.events);
  meetingsRoutes(app, services.meetings);
  reportsRoutes(app, services.reports);

  await serveWeb(app, path.resolve(env.TONGXIN_WEB_DIST));
  return Object.assign(app, { services });
}

export type TongxinApp = Awaited<ReturnType<typeof buildApp>>;
