// Distributed entry point: one identity process (docker-compose, k8s). The all-in-one
// launcher calls buildIdentityService directly with a shared transport instead.
import { runService } from '@tourconnect/service-kit';
import { buildIdentityService } from './app.ts';
import { configSchema } from './config.ts';

await runService({ name: 'identity', configSchema, build: (deps) => buildIdentityService(deps) });
