// Child process of bench.ts: an in-memory emulator that reports its port over IPC.
import { createStripeEmulator } from '../index.ts';

const emulator = createStripeEmulator({});
const { port } = await emulator.listen(0, '127.0.0.1');
process.send?.({ port });
process.on('disconnect', () => void emulator.close().then(() => process.exit(0)));
