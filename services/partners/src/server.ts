// Distributed entry point: one partners process (docker-compose, k8s). The all-in-one
// launcher calls buildPartnersService directly with a shared transport instead.
import { runService } from '@tourconnect/service-kit';
import { buildPartnersService } from './app.ts';
import { configSchema, type PartnersConfig } from './config.ts';

await runService<PartnersConfig>({ name: 'partners', configSchema, build: buildPartnersService });
