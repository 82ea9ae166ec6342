// Distributed entry point: one notifications process (docker-compose, k8s). The all-in-one
// launcher calls buildNotificationsService directly with a shared transport and the local catcher.
import { runService } from '@tourconnect/service-kit';
import { buildNotificationsService } from './app.ts';
import { configSchema, type NotificationsConfig } from './config.ts';

await runService<NotificationsConfig>({ name: 'notifications', configSchema, build: buildNotificationsService });
