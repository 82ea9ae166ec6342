export * from './problem.ts';
export * from './auth.ts';
export * from './realtime.ts';
