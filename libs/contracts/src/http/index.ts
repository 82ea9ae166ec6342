export * from './problem.ts';
export * from './auth.ts';
export * from './realtime.ts';
export * from './iso-codes.ts';
export * from './partners.ts';
export * from './notifications.ts';
export * from './bundling.ts';
export * from './bundling-campaigns.ts';
