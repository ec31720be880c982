import { afterAll, beforeAll, inject } from 'vitest';
import { buildApp, type TongxinApp } from '../app';
import type { Database } from '../db/client';
import { openTestDatabase } from './template-db';

export const testEnv = {
  TONGXIN_SESSION_IDLE_MINUTES: 30,
  TONGXIN_SECURE_COOKIES: false,
  TONGXIN_WEB_DIST: 'web/dist',
  LOG_LEVEL: 'silent' as const,
};

/** A real app on a fresh copy of the migrated template (PGlite, or PostgreSQL when TEST_DATABASE_URL is set). */
export async function buildTestApp(): Promise<{ app: TongxinApp; database: Database }> {
  const database = await openTestDatabase(inject('dbTemplate'), process.env.TEST_DATABASE_URL);
  const app = await buildApp(database, testEnv, false);
  await app.ready();
  return { app, database };
}

/** One app per test file; each test makes its own users and records with the factories. */
export function useTestApp() {
  const ctx = {} as { app: TongxinApp; database: Database };
  beforeAll(async () => Object.assign(ctx, await buildTestApp()), 60_000);
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
  });
  return ctx;
}
