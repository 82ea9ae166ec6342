import type { ServiceApp } from '@tourconnect/service-kit';
import type { BundlingContext } from '../context.ts';
import { InteractionRecorder } from './interactions.ts';

const recorders = new WeakMap<ServiceApp, InteractionRecorder>();

/**
 * The app's one interaction recorder (search and Discover share it), created on first use and
 * flushed when the app closes — in preClose, before the event bus and the pool stop.
 */
export function interactionRecorderOf(app: ServiceApp, ctx: BundlingContext): InteractionRecorder {
  let recorder = recorders.get(app);
  if (!recorder) {
    const created = new InteractionRecorder(ctx, app.log);
    recorders.set(app, created);
    app.addHook('preClose', async () => created.close());
    recorder = created;
  }
  return recorder;
}
