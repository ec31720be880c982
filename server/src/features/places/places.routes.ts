import { idParams, pageOf } from '../../../../common/schemas/common';
import { createPlaceBody, placeListQuery, placeSchema, updatePlaceBody } from '../../../../common/schemas/places';
import type { App } from '../../lib/app-type';
import type { PlaceService } from './places.service';

const tags = ['directory'];

export function placesRoutes(app: App, places: PlaceService) {
  app.get(
    '/api/places',
    { schema: { tags, summary: 'Places within the actor’s scope (WGS-84)', querystring: placeListQuery, response: { 200: pageOf(placeSchema) } } },
    (req) => places.list(req.actor(), req.query),
  );
  app.get('/api/places/:id', { schema: { tags, params: idParams, response: { 200: placeSchema } } }, (req) => places.get(req.actor(), req.params.id));
  app.post(
    '/api/places',
    { schema: { tags, summary: 'Add a place; GCJ-02 input (crs: gcj02) is stored as WGS-84', body: createPlaceBody, response: { 201: placeSchema } } },
    async (req, reply) => reply.code(201).send(await places.create(req.actor(), req.body)),
  );
  app.patch(
    '/api/places/:id',
    { schema: { tags, params: idParams, body: updatePlaceBody, response: { 200: placeSchema } } },
    (req) => places.update(req.actor(), req.params.id, req.body),
  );
  app.delete('/api/places/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await places.remove(req.actor(), req.params.id);
    return reply.code(204).send();
  });
}
