import type { FastifyInstance } from 'fastify';

/**
 * Listens and closes gracefully on SIGTERM/SIGINT: readiness turns false, in-flight requests
 * finish, onClose hooks release the bus and the database, and a stuck close is cut off.
 */
export async function listenWithGracefulShutdown(
  app: FastifyInstance,
  options: { port: number; host: string; graceMs?: number },
): Promise<string> {
  const address = await app.listen({ port: options.port, host: options.host });
  let closing = false;
  const close = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error('graceful shutdown timed out');
      process.exit(1);
    }, options.graceMs ?? 10_000);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (error) => {
        app.log.error({ err: error }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => close('SIGTERM'));
  process.once('SIGINT', () => close('SIGINT'));
  return address;
}
