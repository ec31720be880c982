import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** what the server printed (the last 20,000 characters), for failure messages */
  output: () => string;
  exited: Promise<number | null>;
  /** SIGTERM, SIGKILL after 10 s; resolves when the process is gone */
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Start the real server (`tsx server/src/main.ts`) on a free port; resolves when /api/health answers
 * (at any log level; migrations of a large database can take minutes: give `timeoutMs`), rejects with
 * its output when it exits first or does not answer in time. Used by the tests, the browser tests and
 * the benchmarks. `env` adds to (and overrides) HOST, PORT, LOG_LEVEL=info and TONGXIN_DEMO=0.
 */
export async function startServer(env: Record<string, string> = {}, timeoutMs = 60_000, nodeArgs: string[] = []): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', TONGXIN_DEMO: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const append = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const stop = async () => {
    if (gone()) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (gone()) throw new Error(`server exited with ${child.exitCode ?? child.signalCode} before answering:\n${out}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not answer /api/health within ${timeoutMs / 1000} s:\n${out}`);
    }
    try {
      if ((await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, url, output: () => out, exited, stop };
}

/** Log in over HTTP; returns headers to send with later requests. */
export async function httpLogin(url: string, username: string, password: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${res.status}: ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('tx_csrf='))!.slice('tx_csrf='.length);
  return { cookie: cookies.join('; '), 'x-csrf-token': csrf };
}
