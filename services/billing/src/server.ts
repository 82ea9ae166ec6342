// Distributed entry point: one billing process (docker-compose, k8s). The all-in-one
// launcher calls buildBillingService directly with a shared transport instead.
import { runService } from '@tourconnect/service-kit';
import { buildBillingService } from './app.ts';
import { configSchema } from './config.ts';

await runService({ name: 'billing', configSchema, build: (deps) => buildBillingService(deps) });
