import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../../common/schemas/common';
import {
  enterpriseRegistrationBody,
  enterpriseRegistrationDecision,
  enterpriseRegistrationListQuery,
  enterpriseRegistrationSchema,
} from '../../../../common/schemas/enterprise-registrations';
import type { EnterpriseRegistrationService } from './enterprise-registration.service';

const tags = ['needs'];

/** Enterprise self-registration (public, rate-limited per address) and its approval by a coordinator of the organisation's district. */
export function enterpriseRegistrationRoutes(fastify: FastifyInstance, service: EnterpriseRegistrationService) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/public/enterprise-registrations',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'An enterprise registers with its unified social credit code (rate-limited per address)',
        body: enterpriseRegistrationBody,
        response: { 201: z.object({ id: z.string(), status: z.string(), organizationName: z.string() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.register(req.body, req.ip)),
  );
  app.get(
    '/api/enterprise-registrations',
    { schema: { tags, summary: 'Registrations a coordinator may decide on', querystring: enterpriseRegistrationListQuery, response: { 200: z.array(enterpriseRegistrationSchema) } } },
    (req) => service.list(req.actor(), req.query),
  );
  app.post(
    '/api/enterprise-registrations/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve (the account is made and linked) or reject with a reason',
        params: idParams,
        body: enterpriseRegistrationDecision,
        response: { 200: enterpriseRegistrationSchema },
      },
    },
    (req) => service.decide(req.actor(), req.params.id, req.body),
  );
}
