import { idParams, pageOf } from '../../../../common/schemas/common';
import {
  areaDetailSchema,
  areaListQuery,
  areaSchema,
  createAreaBody,
  createRouteBody,
  eventRouteBody,
  eventRouteSchema,
  linkedEventSchema,
  geojsonImportBody,
  importReportSchema,
  mapFilterQuery,
  placeCardSchema,
  placeRelationsBody,
  publicAreaSchema,
  routeListQuery,
  routeSchema,
  updateAreaBody,
  updateRouteBody,
} from '../../../../common/schemas/map';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { parseTileSetting } from '../../../../common/map-tiles';
import type { App } from '../../lib/app-type';
import type { AreaService } from './areas.service';
import type { GeojsonService } from './geojson.service';
import type { MapService } from './map.service';
import type { RouteService } from './routes.service';

const tags = ['map'];
const geojson = 'application/geo+json; charset=utf-8';

export function mapRoutes(app: App, s: { areas: AreaService; routes: RouteService; map: MapService; geojson: GeojsonService }) {
  app.get('/api/map/areas', { schema: { tags, querystring: areaListQuery, response: { 200: pageOf(areaSchema) } } }, (req) =>
    s.areas.list(req.actor(), req.query),
  );
  app.get(
    '/api/map/areas/:id',
    { schema: { tags, summary: 'An area with the places and organisations inside it (found by geometry)', params: idParams, response: { 200: areaDetailSchema } } },
    (req) => s.areas.get(req.actor(), req.params.id),
  );
  app.post(
    '/api/map/areas',
    { schema: { tags, summary: 'Add an area; its km² and box are computed; GCJ-02/BD-09 input converted', body: createAreaBody, response: { 201: areaSchema } } },
    async (req, reply) => reply.code(201).send(await s.areas.create(req.actor(), req.body)),
  );
  app.patch('/api/map/areas/:id', { schema: { tags, params: idParams, body: updateAreaBody, response: { 200: areaSchema } } }, (req) =>
    s.areas.update(req.actor(), req.params.id, req.body),
  );
  app.delete('/api/map/areas/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await s.areas.remove(req.actor(), req.params.id);
    return reply.code(204).send();
  });

  app.get('/api/map/routes', { schema: { tags, querystring: routeListQuery, response: { 200: pageOf(routeSchema) } } }, (req) =>
    s.routes.list(req.actor(), req.query),
  );
  app.get('/api/map/routes/:id', { schema: { tags, params: idParams, response: { 200: routeSchema } } }, (req) => s.routes.get(req.actor(), req.params.id));
  app.post(
    '/api/map/routes',
    { schema: { tags, summary: 'Add a route over places in order; leg lengths computed', body: createRouteBody, response: { 201: routeSchema } } },
    async (req, reply) => reply.code(201).send(await s.routes.create(req.actor(), req.body)),
  );
  app.patch('/api/map/routes/:id', { schema: { tags, params: idParams, body: updateRouteBody, response: { 200: routeSchema } } }, (req) =>
    s.routes.update(req.actor(), req.params.id, req.body),
  );
  app.delete('/api/map/routes/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await s.routes.remove(req.actor(), req.params.id);
    return reply.code(204).send();
  });

  app.get('/api/map/routes/:id/events', { schema: { tags, summary: 'The events that follow a route (site visits)', params: idParams, response: { 200: z.array(linkedEventSchema) } } }, (req) =>
    s.map.routeEvents(req.actor(), req.params.id),
  );
  app.get('/api/events/:id/route', { schema: { tags, summary: 'The route an event follows', params: idParams, response: { 200: eventRouteSchema } } }, (req) =>
    s.map.eventRoute(req.actor(), req.params.id),
  );
  app.put(
    '/api/events/:id/route',
    { schema: { tags, summary: 'Point an event at a route (null: none)', params: idParams, body: eventRouteBody, response: { 200: eventRouteSchema } } },
    (req) => s.map.setEventRoute(req.actor(), req.params.id, req.body.routeId),
  );

  app.get('/api/map/places/:id/card', { schema: { tags, params: idParams, response: { 200: placeCardSchema } } }, (req) =>
    s.map.placeCard(req.actor(), req.params.id),
  );
  app.put('/api/map/places/:id/relations', { schema: { tags, summary: 'A place’s parent place, operator and networks', params: idParams, body: placeRelationsBody } }, (req) =>
    s.map.setRelations(req.actor(), req.params.id, req.body),
  );

  app.get(
    '/api/map/points',
    { schema: { tags, summary: 'The map page’s places as parallel arrays (ids, names, kinds, districts, lng/lat × 1e6), gzip when accepted', querystring: mapFilterQuery } },
    async (req, reply) => {
      const body = await s.map.points(req.actor(), req.query);
      reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
      // level 1: a megabyte in a few ms, a quarter of the bytes; loopback or not, the browser inflates it natively
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')))
        return reply.header('content-encoding', 'gzip').send(gzipSync(body, { level: 1 }));
      return reply.send(body);
    },
  );

  // GeoJSON (RFC 7946), scoped like the lists; hand-built FeatureCollections (presented field by field in the service)
  app.get('/api/map/places.geojson', { schema: { tags, summary: 'Places as a GeoJSON FeatureCollection', querystring: mapFilterQuery } }, async (req, reply) =>
    reply.type(geojson).send(JSON.stringify(await s.geojson.places(req.actor(), req.query))),
  );
  app.get('/api/map/areas.geojson', { schema: { tags, summary: 'Areas as a GeoJSON FeatureCollection' } }, async (req, reply) =>
    reply.type(geojson).send(JSON.stringify(await s.geojson.areas(req.actor()))),
  );
  app.get('/api/map/routes.geojson', { schema: { tags, summary: 'Routes as a GeoJSON FeatureCollection' } }, async (req, reply) =>
    reply.type(geojson).send(JSON.stringify(await s.geojson.routes(req.actor()))),
  );
  app.post(
    '/api/map/import',
    { bodyLimit: 20 * 1024 * 1024, schema: { tags, summary: 'Import a GeoJSON FeatureCollection with a report per feature', body: geojsonImportBody, response: { 200: importReportSchema } } },
    (req) => s.geojson.import(req.actor(), req.body),
  );

  // optional tiles under the districts (common/map-tiles.ts): off unless the deployment sets TONGXIN_MAP_TILES; a malformed setting stops the start
  const tiles = parseTileSetting(process.env.TONGXIN_MAP_TILES);
  app.get('/api/public/map/tiles', { config: { public: true }, schema: { tags, summary: 'The optional tile layer of this deployment (null: none)' } }, () => ({ tiles }));

  app.get(
    '/api/public/map/areas/:id',
    { config: { public: true }, schema: { tags, summary: 'A published area for the embeddable map (no session)', params: idParams, response: { 200: publicAreaSchema } } },
    (req) => s.map.publicArea(req.params.id),
  );
}
