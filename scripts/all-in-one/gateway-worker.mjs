// A worker thread does not inherit the main thread's TypeScript loader on Node 20: register
// tsx's here, then run the TypeScript entry (gateway-thread.ts starts this file).
import { register } from 'tsx/esm/api';

register();
await import('./gateway-worker.ts');
