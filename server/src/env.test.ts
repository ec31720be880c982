import { describe, expect, it } from 'vitest';
import { readEnv } from './env';

describe('environment', () => {
  it('has working defaults: embedded database in ./data on port 3000 with demo data', () => {
    const env = readEnv({});
    expect(env).toMatchObject({ PORT: 3000, TONGXIN_DATA_DIR: './data', TONGXIN_DEMO: true, TONGXIN_SESSION_IDLE_MINUTES: 30 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('stops with a message naming each bad variable', () => {
    expect(() => readEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(/PORT="eighty"[\s\S]*DATABASE_URL="mysql:\/\/x"/);
    expect(() => readEnv({ TONGXIN_DEMO: 'maybe' })).toThrow(/TONGXIN_DEMO/);
    expect(() => readEnv({ TONGXIN_ADMIN_PASSWORD: 'short' })).toThrow(/TONGXIN_ADMIN_PASSWORD.*at least 8/);
  });

  it('reads TONGXIN_DEMO=0 as off', () => {
    expect(readEnv({ TONGXIN_DEMO: '0' }).TONGXIN_DEMO).toBe(false);
  });
});
