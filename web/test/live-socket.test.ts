import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { wsServerMessageSchema, type WsServerMessage } from '../../libs/contracts/src/http/realtime.ts';
import {
  LiveSocket,
  PING_INTERVAL_MS,
  backoffDelay,
  liveSocketUrl,
  type LiveState,
} from '../src/realtime/live-socket.ts';

/** A scriptable stand-in for the browser WebSocket. */
class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: ((ev: Event) => unknown) | null = null;
  onmessage: ((ev: MessageEvent) => unknown) | null = null;
  onclose: ((ev: CloseEvent) => unknown) | null = null;
  onerror: ((ev: Event) => unknown) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.serverClose(1000);
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  receive(data: unknown) {
    this.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) } as MessageEvent);
  }
  serverClose(code: number) {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code } as CloseEvent);
  }
}

function setup(token: string | null = 'tok en') {
  const states: LiveState[] = [];
  const messages: WsServerMessage[] = [];
  const onAuthRejected = vi.fn(async () => undefined);
  const socket = new LiveSocket({
    url: () => (token ? liveSocketUrl({ protocol: 'https:', host: 'tc.example' }, token) : null),
    onState: (s) => states.push(s),
    onMessage: (m) => messages.push(m),
    parse: (data) => {
      const parsed = wsServerMessageSchema.safeParse(data);
      return parsed.success ? parsed.data : null;
    },
    onAuthRejected,
    createSocket: (url) => new FakeSocket(url),
    random: () => 0,
  });
  return { socket, states, messages, onAuthRejected };
}

describe('LiveSocket', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
  });
  afterEach(() => vi.useRealTimers());

  it('connects to the same origin over wss with the token, and is connected only after hello', () => {
    const { socket, states } = setup();
    socket.start();
    const ws = FakeSocket.all[0]!;
    expect(ws.url).toBe('wss://tc.example/ws?token=tok%20en');
    ws.open();
    expect(states.at(-1)).toBe('connecting');
    ws.receive({ type: 'hello', userId: 'u1', connectionId: 'c1' });
    expect(states.at(-1)).toBe('connected');
  });

  it('pings every 20 seconds', () => {
    const { socket } = setup();
    socket.start();
    const ws = FakeSocket.all[0]!;
    ws.open();
    ws.receive({ type: 'hello', userId: 'u1', connectionId: 'c1' });
    vi.advanceTimersByTime(PING_INTERVAL_MS);
    ws.receive({ type: 'pong', at: new Date().toISOString() });
    vi.advanceTimersByTime(PING_INTERVAL_MS);
    expect(ws.sent.map((s) => JSON.parse(s))).toEqual([{ type: 'ping' }, { type: 'ping' }]);
  });

  it('delivers valid events and drops malformed frames', () => {
    const { socket, messages } = setup();
    socket.start();
    const ws = FakeSocket.all[0]!;
    ws.open();
    ws.receive('not json');
    ws.receive({ type: 'event', id: 'e1' });
    ws.receive({
      type: 'event',
      id: 'e1',
      subject: 'identity.user.registered.v1',
      occurredAt: '2025-01-01T00:00:00Z',
      payload: {},
    });
    expect(messages.map((m) => m.type === 'event' && m.subject)).toEqual(['identity.user.registered.v1']);
  });

  it('reconnects with growing backoff after drops, and resets it once greeted', () => {
    const { socket, states } = setup();
    socket.start();
    FakeSocket.all[0]!.serverClose(1006);
    expect(states.at(-1)).toBe('offline');
    vi.advanceTimersByTime(backoffDelay(0, () => 0) - 1);
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.all[1]!.serverClose(1006);
    vi.advanceTimersByTime(backoffDelay(0, () => 0));
    expect(FakeSocket.all).toHaveLength(2); // second delay is longer
    vi.advanceTimersByTime(backoffDelay(1, () => 0));
    expect(FakeSocket.all).toHaveLength(3);
    const third = FakeSocket.all[2]!;
    third.open();
    third.receive({ type: 'hello', userId: 'u1', connectionId: 'c3' });
    third.serverClose(1006);
    vi.advanceTimersByTime(backoffDelay(0, () => 0));
    expect(FakeSocket.all).toHaveLength(4);
  });

  it('gets a fresh token before reconnecting when the server rejects the old one', async () => {
    const { socket, onAuthRejected } = setup();
    socket.start();
    FakeSocket.all[0]!.serverClose(4401);
    await vi.advanceTimersByTimeAsync(backoffDelay(0, () => 0));
    expect(onAuthRejected).toHaveBeenCalledTimes(1);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('stops for good: no reconnect after stop, and reports offline', () => {
    const { socket, states } = setup();
    socket.start();
    socket.stop();
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(1);
    expect(states.at(-1)).toBe('offline');
  });

  it('stays offline without a token', () => {
    const { socket, states } = setup(null);
    socket.start();
    expect(FakeSocket.all).toHaveLength(0);
    expect(states).toEqual(['offline']);
  });

  it('starts between 0.5 and 1 second and caps the backoff at 30 seconds', () => {
    expect(backoffDelay(50, () => 1)).toBe(30_000);
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(0, () => 1)).toBe(1_000);
  });
});
