import { z } from 'zod';
import { errorCodes } from '../errors';

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const errorBody = z.object({
  code: z.enum(Object.keys(errorCodes) as [keyof typeof errorCodes, ...(keyof typeof errorCodes)[]]),
  message: z.string(),
  requestId: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const idParams = z.object({ id: z.uuid() });

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    /** true when total is an estimate (lists count exactly up to 10,000): shown as 约 … */
    totalEstimated: z.boolean().optional(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
