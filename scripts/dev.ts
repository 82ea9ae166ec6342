import { spawn } from 'node:child_process';
import { startPlatform } from './all-in-one/platform.ts';
import { seedDemoData } from './all-in-one/seed.ts';
import { loadAllInOneSettings } from './all-in-one/settings.ts';

// `npm run dev`: the same back end as `npm start` on :8080, plus Vite with hot reload on :5173
// proxying /api, /ws and /docs to it. Open http://localhost:5173.
const settings = loadAllInOneSettings();
const platform = await startPlatform(settings);
if (settings.SEED_DEMO_DATA === 'true') {
  await seedDemoData(platform.url, { email: settings.ADMIN_EMAIL, password: settings.ADMIN_PASSWORD });
}
platform.logger.info(`back end ready at ${platform.url}; starting Vite on http://localhost:5173`);

const vite = spawn('npm', ['run', 'dev', '-w', 'web'], {
  stdio: 'inherit',
  env: { ...process.env, TC_API_URL: platform.url },
});
const stop = async () => {
  vite.kill('SIGTERM');
  await platform.stop();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
vite.on('exit', (code) => void platform.stop().then(() => process.exit(code ?? 0)));
