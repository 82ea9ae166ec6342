// Shared contracts: integration-event messages generated from proto/ (see events.ts) and
// zod schemas for HTTP bodies used by the services and the portal alike (see http/).
export * from './events.ts';
export * from './http/index.ts';
