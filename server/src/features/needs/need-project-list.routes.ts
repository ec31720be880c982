import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import { pickLocale } from '../../lib/i18n';
import { projectList, projectListQuery, projectListSchema, projectListXlsx } from './need-project-list';

const tags = ['needs'];

/** 服务项目清单: the printable list (JSON for the page) and its XLSX. */
export function needProjectListRoutes(fastify: FastifyInstance, db: Db) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/needs/project-list',
    { schema: { tags, summary: 'Open needs by category with their matched providers, for a district or network and a period', querystring: projectListQuery, response: { 200: projectListSchema } } },
    (req) => projectList(db, req.actor(), req.query),
  );
  app.get('/api/needs/project-list.xlsx', { schema: { tags, summary: 'The service project list as XLSX', querystring: projectListQuery } }, async (req, reply) => {
    const file = await projectListXlsx(db, req.actor(), req.query, pickLocale(req.headers['accept-language']));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="service-projects.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('cache-control', 'no-store')
      .send(file.body);
  });
}
