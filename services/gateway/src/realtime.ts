import { randomUUID } from 'node:crypto';
import websocket from '@fastify/websocket';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { wsClientMessageSchema, type WsServerMessage } from '@tourconnect/contracts/http';
import { verifyAccessToken, type AuthOptions, type AuthUser, type ServiceApp } from '@tourconnect/service-kit';
import { tokenRevoked } from './revoked-subjects.ts';

/** The part of the event transport the gateway needs: a live, non-durable feed. */
export interface LiveFeed {
  tap(subjectPattern: string, listener: (event: LiveEvent) => void): { stop(): void };
}
export interface LiveEvent {
  id: string;
  subject: string;
  occurredAt: string;
  audience?: string[];
  payload: unknown;
}

interface Connection {
  id: string;
  user: AuthUser;
  socket: WebSocket;
  alive: boolean;
}

/**
 * /ws pushes a signed-in user's events in real time. An event reaches a connection when its
 * audience names the user id or one of the user's roles (`role:admin`). Browsers cannot set
 * headers on a WebSocket, so the access token comes as `?token=`; the socket closes when the
 * token expires (4001) and the portal reconnects with a fresh one.
 */
export async function registerRealtime(
  app: ServiceApp,
  feed: LiveFeed,
  auth: AuthOptions,
  options: { isRevoked?: (userId: string) => boolean } = {},
): Promise<{ connections(): number; disconnect(userId: string, reason: string): void }> {
  const connections = new Map<string, Connection>();
  await app.register(websocket, { options: { maxPayload: 4096 } });

  const subscription = feed.tap('>', (event) => {
    if (!event.audience?.length) return;
    const message = JSON.stringify({
      type: 'event',
      id: event.id,
      subject: event.subject,
      occurredAt: event.occurredAt,
      payload: event.payload,
    } satisfies WsServerMessage);
    for (const connection of connections.values()) {
      const { user } = connection;
      if (event.audience.includes(user.id) || user.roles.some((r) => event.audience?.includes(`role:${r}`))) {
        connection.socket.send(message);
      }
    }
  });

  const heartbeat = setInterval(() => {
    for (const connection of connections.values()) {
      if (!connection.alive) connection.socket.terminate();
      else {
        connection.alive = false;
        connection.socket.ping();
      }
    }
  }, 30_000);
  heartbeat.unref();
  app.addHook('onClose', async () => {
    clearInterval(heartbeat);
    subscription.stop();
    for (const c of connections.values()) c.socket.close(1001, 'server shutting down');
  });

  const query = z.object({ token: z.string().min(10).max(4096) });
  app.get(
    '/ws',
    {
      websocket: true,
      schema: { hide: true, querystring: query },
      preValidation: async (request) => {
        const token = (request.query as { token?: string }).token ?? '';
        const user = await verifyAccessToken(token, auth);
        // An erased user's token is still valid until it expires; the deny-list refuses it.
        if (options.isRevoked?.(user.id)) throw tokenRevoked();
        request.user = user;
      },
    },
    (socket, request) => {
      const user = request.user as AuthUser;
      const connection: Connection = { id: randomUUID(), user, socket, alive: true };
      connections.set(connection.id, connection);
      const exp = tokenExpiry((request.query as { token: string }).token);
      const expiry = exp
        ? setTimeout(() => socket.close(4001, 'token expired'), Math.max(0, exp * 1000 - Date.now()))
        : undefined;
      socket.on('pong', () => (connection.alive = true));
      socket.on('message', (raw: Buffer) => {
        connection.alive = true;
        const parsed = wsClientMessageSchema.safeParse(safeJson(raw.toString()));
        const reply: WsServerMessage = parsed.success
          ? { type: 'pong', at: new Date().toISOString() }
          : { type: 'error', code: 'unknown_message' };
        socket.send(JSON.stringify(reply));
      });
      socket.on('close', () => {
        clearTimeout(expiry);
        connections.delete(connection.id);
      });
      socket.send(
        JSON.stringify({ type: 'hello', userId: user.id, connectionId: connection.id } satisfies WsServerMessage),
      );
    },
  );
  return {
    connections: () => connections.size,
    // 4001, as for an expired token: the portal reconnects with a fresh one, which an erased
    // account can no longer get, and signs out.
    disconnect(userId, reason) {
      for (const c of connections.values()) if (c.user.id === userId) c.socket.close(4001, reason);
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function tokenExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  const claims = safeJson(Buffer.from(payload, 'base64url').toString()) as { exp?: number } | undefined;
  return typeof claims?.exp === 'number' ? claims.exp : undefined;
}
