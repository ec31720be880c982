import { z } from 'zod';

const boolish = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** The only place that reads process.env. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  TONGXIN_DATA_DIR: z.string().min(1).default('./data'),
  TONGXIN_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  TONGXIN_DEMO: boolish.default(true),
  TONGXIN_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** a session ends this many hours after login, however active (besides the idle limit) */
  TONGXIN_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  TONGXIN_SECURE_COOKIES: boolish.default(false),
  TONGXIN_WEB_DIST: z.string().default('web/dist'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** identical list and search reads at the same moment run once (lib/ttl-cache.ts sharedReads); 0 to measure without */
  TONGXIN_SHARED_READS: boolish.default(true),
  /** how often this process looks for due jobs (reminders, escalations): lib/jobs.ts */
  TONGXIN_JOB_POLL_SECONDS: z.coerce.number().min(0.2).max(3600).default(30),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Parse the environment; on failure the message names every bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const relevant = Object.fromEntries(
    Object.keys(envSchema.shape).map((k) => [k, source[k] === '' ? undefined : source[k]]),
  );
  const result = envSchema.safeParse(relevant);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (i) => `  ${String(i.path[0])}=${JSON.stringify(relevant[String(i.path[0])])}: ${i.message}`,
  );
  throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
}
