import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { getAccessToken } from '../api/token-store.ts';
import { refreshSession } from '../auth/session-store.ts';
import { useAuth } from '../auth/use-auth.ts';
import { LiveContext, type LiveContextValue, type LiveEvent } from './live-context.ts';
import { LiveSocket, liveSocketUrl, type LiveState } from './live-socket.ts';

const MAX_EVENTS = 20;

/** Keeps one /ws connection open while a user is signed in. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const { isAuthenticated, user } = useAuth();
  const [state, setState] = useState<LiveState>('offline');
  const [events, setEvents] = useState<LiveEvent[]>([]);
  const listeners = useRef(new Set<(event: LiveEvent) => void>());
  const userId = user?.id;

  useEffect(() => {
    if (!isAuthenticated || !userId) return;
    // The message schema (zod) comes with the API client's chunk, already loaded by sign-in.
    let socket: LiveSocket | undefined;
    let stopped = false;
    const onOnline = () => socket?.reconnectNow();
    void import('@contracts/http').then(({ wsServerMessageSchema }) => {
      if (stopped) return;
      socket = new LiveSocket({
        url: () => {
          const token = getAccessToken();
          return token ? liveSocketUrl(window.location, token) : null;
        },
        onState: setState,
        parse: (data) => {
          const parsed = wsServerMessageSchema.safeParse(data);
          return parsed.success ? parsed.data : null;
        },
        onMessage: (message) => {
          if (message.type !== 'event') return;
          setEvents((previous) => [message, ...previous].slice(0, MAX_EVENTS));
          for (const listener of listeners.current) listener(message);
        },
        onAuthRejected: refreshSession,
      });
      window.addEventListener('online', onOnline);
      socket.start();
    });
    return () => {
      stopped = true;
      window.removeEventListener('online', onOnline);
      socket?.stop();
      setEvents([]);
    };
  }, [isAuthenticated, userId]);

  const subscribe = useCallback((listener: (event: LiveEvent) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const clearEvents = useCallback(() => setEvents([]), []);

  const value = useMemo<LiveContextValue>(
    () => ({ state, events, subscribe, clearEvents }),
    [state, events, subscribe, clearEvents],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}
