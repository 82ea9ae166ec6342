import { request } from 'undici';
import type { ServiceName } from './config.ts';

export interface UpstreamAnswer<T> {
  service: ServiceName;
  status: number;
  body?: T;
  error?: string;
}

/** Calls one path on every configured service at once; a failing service is reported, not fatal. */
export async function fanOut<T>(
  upstreams: Partial<Record<ServiceName, string>>,
  path: string,
  options: { method?: 'GET' | 'POST'; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<UpstreamAnswer<T>[]> {
  return Promise.all(
    Object.entries(upstreams).map(async ([service, base]) => {
      try {
        const res = await request(base + path, {
          method: options.method ?? 'GET',
          headers: options.headers,
          headersTimeout: options.timeoutMs ?? 5_000,
          bodyTimeout: options.timeoutMs ?? 5_000,
        });
        const text = await res.body.text();
        let body: T | undefined;
        try {
          body = text ? (JSON.parse(text) as T) : undefined;
        } catch {
          body = undefined;
        }
        return { service: service as ServiceName, status: res.statusCode, body };
      } catch (error) {
        return {
          service: service as ServiceName,
          status: 0,
          error: error instanceof Error ? error.message : 'unreachable',
        };
      }
    }),
  );
}
