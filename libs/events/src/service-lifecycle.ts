import type { Database } from '@tourconnect/db';
import type { EventBus } from './event-bus.ts';
import type { EventTransport } from './transport.ts';

/** The part of a Fastify app the lifecycle needs (keeps this library free of the web stack). */
export interface HookableApp {
  addHook(name: 'onReady' | 'onClose', hook: () => Promise<void>): unknown;
}

export interface ServiceLifecycle {
  bus: EventBus;
  database: Database;
  transport: EventTransport;
  /** The distributed entry owns its transport; the all-in-one shares one across services. */
  ownsTransport?: boolean | undefined;
}

/**
 * Every service's event plumbing follows the app: the bus starts once the app is ready and
 * stops before the transport (when owned) and the database close, so no handler runs on a
 * closed pool.
 */
export function bindBusToApp(app: HookableApp, parts: ServiceLifecycle): void {
  app.addHook('onReady', async () => {
    await parts.bus.start();
  });
  app.addHook('onClose', async () => {
    await parts.bus.stop();
    if (parts.ownsTransport) await parts.transport.close();
    await parts.database.close();
  });
}

/** The dead-letter side of the admin ops routes (`installOpsRoutes` in the service kit). */
export function deadLetterOps(bus: EventBus) {
  return {
    list: ({ limit }: { limit?: number }) => bus.listDeadLetters(limit === undefined ? {} : { limit }),
    replay: (id: string) => bus.replayDeadLetter(id),
  };
}
