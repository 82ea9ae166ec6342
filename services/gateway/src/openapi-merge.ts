import type { ServiceName } from './config.ts';
import { fanOut } from './upstream-client.ts';

interface OpenApiDoc {
  openapi?: string;
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
}

/**
 * One OpenAPI document for the whole platform at /docs: every service's public paths, tagged
 * with the service that owns them. Refreshed at most once a minute.
 */
export function createDocsAggregator(upstreams: Partial<Record<ServiceName, string>>, ttlMs = 60_000) {
  let cached: { at: number; doc: OpenApiDoc } | undefined;

  async function build(): Promise<OpenApiDoc> {
    const answers = await fanOut<OpenApiDoc>(upstreams, '/openapi.json', { timeoutMs: 3_000 });
    const merged: Required<Pick<OpenApiDoc, 'paths'>> & OpenApiDoc = {
      openapi: '3.0.3',
      paths: {},
      components: { schemas: {}, securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    };
    const missing: string[] = [];
    for (const answer of answers) {
      if (answer.status !== 200 || !answer.body) {
        missing.push(answer.service);
        continue;
      }
      for (const [path, operations] of Object.entries(answer.body.paths ?? {})) {
        if (!path.startsWith('/api/') && !path.startsWith('/.well-known/')) continue;
        const tagged: Record<string, unknown> = {};
        for (const [method, operation] of Object.entries(operations)) {
          const op = operation as { tags?: string[] };
          tagged[method] = { ...op, tags: [...new Set([answer.service, ...(op.tags ?? [])])] };
        }
        merged.paths[path] = tagged;
      }
      Object.assign(merged.components!.schemas!, answer.body.components?.schemas ?? {});
    }
    const note = missing.length ? `\n\nNot available right now: ${missing.join(', ')}.` : '';
    return {
      ...merged,
      info: {
        title: 'TourConnect API',
        version: '1.0.0',
        description: `Every service behind the gateway, one document. Errors are application/problem+json with a stable \`code\`.${note}`,
      },
    } as OpenApiDoc;
  }

  return {
    async get(): Promise<OpenApiDoc> {
      if (!cached || Date.now() - cached.at > ttlMs) cached = { at: Date.now(), doc: await build() };
      return cached.doc;
    },
  };
}
