import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { loginThrottle } from '../../db/schema';
import { AppError } from '../../lib/errors';

/**
 * Public registrations from one address are counted in the database like failed logins (the same
 * table, key `register:<address>`), so every app process sees the same count.
 */
export const registrationLimit = { perWindow: 30, windowMinutes: 15 };

export async function countRegistration(ex: Executor, ip: string | null) {
  if (!ip) return;
  const window = sql`now() - make_interval(mins => ${registrationLimit.windowMinutes})`;
  const [row] = await ex
    .insert(loginThrottle)
    .values({ key: `register:${ip}`, failures: 1 })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.lastFailureAt} < ${window} then 1 else ${loginThrottle.failures} + 1 end`,
        lastFailureAt: sql`case when ${loginThrottle.lastFailureAt} < ${window} then now() else ${loginThrottle.lastFailureAt} end`,
      },
    })
    .returning();
  if (row && row.failures > registrationLimit.perWindow)
    throw new AppError('RATE_LIMITED', {
      userMessage: { zh: '报名过于频繁，请稍后再试', en: 'Too many registrations from this address, try again later' },
    });
}
