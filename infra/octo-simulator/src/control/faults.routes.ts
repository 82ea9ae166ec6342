// Fault injection per supplier: PUT replaces the settings, DELETE clears them.
import type { FastifyInstance } from 'fastify';
import { parseFaultConfig } from '../faults/fault-config.ts';
import type { SimulatorRuntime } from '../state/runtime.ts';
import { supplierFor } from './control-context.ts';

export function registerFaultRoutes(app: FastifyInstance, runtime: SimulatorRuntime): void {
  app.get('/faults', async (request) => ({ faults: supplierFor(runtime, request).faults }));

  app.put('/faults', async (request) => {
    const state = supplierFor(runtime, request);
    state.faults = parseFaultConfig(request.body);
    return { faults: state.faults };
  });

  app.delete('/faults', async (request) => {
    const state = supplierFor(runtime, request);
    state.faults = null;
    return { faults: null };
  });
}
