import { buildApp } from './app';
import { openDatabase } from './db/client';
import { DataDirLockedError } from './db/lock';
import { loadDemoData } from './demo/load-demo';
import { EnvError, readEnv } from './env';
import { generatePassword } from './features/accounts/passwords';
import { systemActor } from './lib/actor';
import { insecureCookieWarning } from './lib/auth';
import { createJobRunner } from './lib/jobs';
import { shareIdenticalReads } from './lib/ttl-cache';
import { needJobHandlers } from './features/needs/need-reminders';
import { agreementJobHandlers } from './features/events/agreement-reminders';
import { agendaJobHandlers } from './features/events/agenda-deadlines';

async function main() {
  const env = readEnv();
  shareIdenticalReads(env.TONGXIN_SHARED_READS);
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.TONGXIN_DATA_DIR });
  const app = await buildApp(database, env);

  const actor = systemActor('startup');
  const boot = await app.services.accounts.bootstrapAdmin(actor, env.TONGXIN_ADMIN_PASSWORD, generatePassword);
  const generated = boot.created ? boot.generatedPassword : undefined;
  if (generated) {
    console.log(`\n  首次启动：已创建管理员 admin，密码 ${generated}（只显示这一次）\n  First start: created user admin with password ${generated} (shown once)\n`);
  }
  if (boot.created && env.TONGXIN_DEMO) {
    const counts = await loadDemoData(database.db, actor);
    app.log.info({ counts }, 'demo dataset loaded');
  }

  // durable jobs: every process polls; FOR UPDATE SKIP LOCKED hands each job to one of them
  const jobRunner = createJobRunner(database.db, {
    handlers: { ...needJobHandlers, ...agreementJobHandlers, ...agendaJobHandlers },
    onError: (job, err) => app.log.warn({ job: job.id, kind: job.kind, err }, 'job failed'),
  });
  jobRunner.start(env.TONGXIN_JOB_POLL_SECONDS * 1000);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await jobRunner.stop();
      await app.close();
      await database.close();
      process.exit(0);
    } catch (e) {
      console.error(e);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const cookieWarning = insecureCookieWarning(env);
  if (cookieWarning) app.log.warn(cookieWarning);
  await app.listen({ port: env.PORT, host: env.HOST });
  app.log.info(`Tongxin ${database.kind === 'pglite' ? `on embedded PGlite (${env.TONGXIN_DATA_DIR})` : 'on PostgreSQL'}`);
}

main().catch((e: unknown) => {
  if (e instanceof EnvError || e instanceof DataDirLockedError) {
    console.error(e.message);
    process.exit(2);
  }
  console.error(e);
  process.exit(1);
});
