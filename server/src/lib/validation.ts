import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import { safeInput } from '../../../common/schemas/common';

/**
 * The route's zod schema, behind the one safe-text rule of `common/`: a NUL byte, a lone surrogate, a
 * zero-width or bidirectional-override character in any field of the body, query string or path is a
 * 400 naming the field, before the route's schema (and long before the database) sees it.
 */
export const validatorCompiler: FastifySchemaCompiler<ZodType> = (route) => {
  const schema = route.httpPart === 'headers' ? route.schema : safeInput.pipe(route.schema);
  return zodValidatorCompiler({ ...route, schema });
};
