// A real HTTP server standing in for a webhook consumer: it records every delivery and
// answers with the statuses it is told to (then 200).
import { createServer, type Server } from 'node:http';

export interface Delivery {
  body: string;
  signature: string;
  receivedAt: number;
}

export interface WebhookReceiver {
  url: string;
  deliveries: Delivery[];
  /** Statuses to answer, in order, before answering 200. */
  respondWith(statuses: number[]): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<WebhookReceiver> {
  const deliveries: Delivery[] = [];
  let queue: number[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      deliveries.push({
        body: Buffer.concat(chunks).toString('utf8'),
        signature: String(request.headers['stripe-signature'] ?? ''),
        receivedAt: Date.now(),
      });
      response.statusCode = queue.shift() ?? 200;
      response.end(response.statusCode === 200 ? '{"received":true}' : '{"error":"try later"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/webhooks/stripe`,
    deliveries,
    respondWith: (statuses) => {
      queue = [...statuses];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
