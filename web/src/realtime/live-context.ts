import { createContext, useContext, useEffect } from 'react';
import type { WsServerMessage } from '@contracts/http';
import type { LiveState } from './live-socket.ts';

export type LiveEvent = Extract<WsServerMessage, { type: 'event' }>;

export interface LiveContextValue {
  state: LiveState;
  /** Most recent first, capped. */
  events: LiveEvent[];
  subscribe: (listener: (event: LiveEvent) => void) => () => void;
  clearEvents: () => void;
}

export const LiveContext = createContext<LiveContextValue | null>(null);

export function useLive(): LiveContextValue {
  const value = useContext(LiveContext);
  if (!value) throw new Error('useLive must be used inside <LiveProvider>');
  return value;
}

/** Lets a feature react to pushed events, e.g. refetch a query when its data changed. */
export function useLiveEvents(listener: (event: LiveEvent) => void): void {
  const { subscribe } = useLive();
  useEffect(() => subscribe(listener), [subscribe, listener]);
}
