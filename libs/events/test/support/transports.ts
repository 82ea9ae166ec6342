import { connect } from 'nats';
import {
  createInProcessTransport,
  createNatsTransport,
  type EventTransport,
  type InProcessTransportOptions,
} from '../../src/index.ts';
import { quietLogger } from './harness.ts';

export const TEST_NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
export type TransportKind = 'nats' | 'in-process';
export const TRANSPORT_KINDS: TransportKind[] = ['nats', 'in-process'];

export interface TestTransport {
  transport: EventTransport;
  /** Streams are named after the service, so parallel files never share one. */
  stream: string;
  deadLetterStream: string;
  deadLetterPrefix: string;
  close(): Promise<void>;
}

export function streamNames(service: string) {
  const upper = service.toUpperCase();
  return { stream: `${upper}_EVENTS`, deadLetterStream: `${upper}_DL`, deadLetterPrefix: `${service}dl` };
}

export async function openTransport(
  kind: TransportKind,
  service: string,
  inProcess: InProcessTransportOptions = {},
): Promise<TestTransport> {
  const names = streamNames(service);
  if (kind === 'in-process') {
    const transport = createInProcessTransport({ logger: quietLogger, ...inProcess });
    return { transport, ...names, close: () => transport.close() };
  }
  const transport = await createNatsTransport({
    url: TEST_NATS_URL,
    name: service,
    stream: names.stream,
    subjects: [`${service}.>`],
    deadLetterStream: names.deadLetterStream,
    deadLetterSubjectPrefix: names.deadLetterPrefix,
    logger: quietLogger,
  });
  return {
    transport,
    ...names,
    close: async () => {
      await transport.close();
      await deleteStreams([names.stream, names.deadLetterStream]);
    },
  };
}

export async function deleteStreams(streams: string[]): Promise<void> {
  const nc = await connect({ servers: TEST_NATS_URL });
  try {
    const jsm = await nc.jetstreamManager();
    for (const stream of streams) await jsm.streams.delete(stream).catch(() => false);
  } finally {
    await nc.close();
  }
}

export async function streamMessageCount(stream: string): Promise<number> {
  const nc = await connect({ servers: TEST_NATS_URL });
  try {
    const jsm = await nc.jetstreamManager();
    return (await jsm.streams.info(stream)).state.messages;
  } finally {
    await nc.close();
  }
}
