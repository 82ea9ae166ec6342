import type { WsServerMessage } from '@contracts/http';

export const liveStates = ['offline', 'connecting', 'connected'] as const;
export type LiveState = (typeof liveStates)[number];

export const PING_INTERVAL_MS = 20_000;
/** No frame (not even a pong) for this long means the connection is dead without a close. */
export const SILENCE_TIMEOUT_MS = 50_000;

/** Exponential backoff with full jitter, capped; `random` is injectable for tests. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 1_000 * 2 ** Math.min(attempt, 5));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Same origin as the page, ws:// or wss:// to match http:// or https://. */
export function liveSocketUrl(location: Pick<Location, 'protocol' | 'host'>, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws?token=${encodeURIComponent(token)}`;
}

type SocketLike = Pick<WebSocket, 'send' | 'close' | 'readyState'> & {
  onopen: ((ev: Event) => unknown) | null;
  onmessage: ((ev: MessageEvent) => unknown) | null;
  onclose: ((ev: CloseEvent) => unknown) | null;
  onerror: ((ev: Event) => unknown) | null;
};

export interface LiveSocketOptions {
  /** Returns the URL to connect to, or null when there is no token to connect with. */
  url: () => string | null;
  onState: (state: LiveState) => void;
  onMessage: (message: WsServerMessage) => void;
  /** Validates a decoded frame (wsServerMessageSchema in the app); null drops the frame. */
  parse: (data: unknown) => WsServerMessage | null;
  /** The server closed for an auth reason: get a fresh token before reconnecting. */
  onAuthRejected?: () => Promise<unknown>;
  createSocket?: (url: string) => SocketLike;
  random?: () => number;
}

/** Close codes the gateway uses for a missing, invalid or expired token. */
const AUTH_CLOSE_CODES = new Set([1008, 4001, 4401, 4403]);

/** One reconnecting, self-pinging WebSocket to the gateway's /ws. */
export class LiveSocket {
  private socket: SocketLike | null = null;
  private attempt = 0;
  private stopped = true;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private lastFrameAt = 0;

  constructor(private readonly options: LiveSocketOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.teardown();
    this.options.onState('offline');
  }

  /** Skip the remaining backoff, e.g. when the browser comes back online. */
  reconnectNow(): void {
    if (this.stopped || this.socket) return;
    clearTimeout(this.reconnectTimer);
    this.connect();
  }

  private connect(): void {
    const url = this.options.url();
    if (!url) {
      this.options.onState('offline');
      return;
    }
    this.options.onState('connecting');
    const socket = (this.options.createSocket ?? ((u: string) => new WebSocket(u)))(url);
    this.socket = socket;
    socket.onopen = () => this.onOpen();
    socket.onmessage = (event) => this.onFrame(event);
    socket.onclose = (event) => this.onClose(event.code);
    socket.onerror = () => socket.close();
  }

  private onOpen(): void {
    this.lastFrameAt = Date.now();
    this.pingTimer = setInterval(() => this.ping(), PING_INTERVAL_MS);
  }

  private ping(): void {
    if (Date.now() - this.lastFrameAt > SILENCE_TIMEOUT_MS) {
      this.socket?.close();
      return;
    }
    this.socket?.send(JSON.stringify({ type: 'ping' }));
  }

  private onFrame(event: MessageEvent): void {
    this.lastFrameAt = Date.now();
    let data: unknown;
    try {
      data = JSON.parse(String(event.data));
    } catch {
      return;
    }
    const message = this.options.parse(data);
    if (!message) return;
    if (message.type === 'hello') {
      // Only a greeting proves the token was accepted; reset the backoff then.
      this.attempt = 0;
      this.options.onState('connected');
    }
    this.options.onMessage(message);
  }

  private onClose(code: number): void {
    this.teardown();
    if (this.stopped) return;
    // Offline while waiting out the backoff; 'connecting' again once the next attempt starts.
    this.options.onState('offline');
    const delay = backoffDelay(this.attempt++, this.options.random);
    const authRejected = AUTH_CLOSE_CODES.has(code) && this.options.onAuthRejected;
    this.reconnectTimer = setTimeout(() => {
      if (authRejected) void authRejected().finally(() => !this.stopped && this.connect());
      else this.connect();
    }, delay);
  }

  private teardown(): void {
    clearInterval(this.pingTimer);
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    if (socket.readyState <= 1) socket.close();
  }
}
