/** Starts the real Tongxin server (serving the built web/dist) on a free port with a fresh data dir and the demo data. */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer as startServerProcess } from '../server/src/test/server-process';

export const adminUsername = 'admin';
export const adminPassword = 'Admin-Passw0rd!';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface RunningServer {
  baseUrl: string;
  /** what the server printed, for failure messages */
  output: () => string;
  stop: () => Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  if (!existsSync(path.join(repoRoot, 'web/dist/index.html'))) {
    throw new Error('web/dist is not built: run `npx vite build --config web/vite.config.ts` first');
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tongxin-e2e-'));
  const removeData = () => rm(dataDir, { recursive: true, force: true });
  const env = { NODE_ENV: 'test', TONGXIN_DATA_DIR: dataDir, TONGXIN_ADMIN_PASSWORD: adminPassword, TONGXIN_DEMO: '1', LOG_LEVEL: 'warn' };
  const server = await startServerProcess(env, 90_000).catch(async (error: unknown) => {
    await removeData();
    throw error;
  });
  return {
    baseUrl: server.url,
    output: server.output,
    stop: async () => {
      await server.stop();
      await removeData();
    },
  };
}
