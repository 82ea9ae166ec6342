// Distributed entry point: one bundling process (docker-compose, k8s). The all-in-one
// launcher calls buildBundlingService directly with a shared transport instead.
import { runService } from '@tourconnect/service-kit';
import { buildBundlingService } from './app.ts';
import { configSchema } from './config.ts';

await runService({ name: 'bundling', configSchema, build: (deps) => buildBundlingService(deps) });
