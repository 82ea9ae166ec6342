import { QueryClientProvider } from '@tanstack/react-query';
import { MotionConfig } from 'framer-motion';
import { useEffect } from 'react';
import { RouterProvider } from 'react-router-dom';
import { queryClient } from './api/query-client.ts';
import { restoreSession } from './auth/session-store.ts';
import { LiveProvider } from './realtime/live-provider.tsx';
import { router } from './routes.tsx';

export function App() {
  useEffect(() => {
    // The access token is never persisted; the httpOnly refresh cookie restores the session.
    void restoreSession();
  }, []);

  return (
    <QueryClientProvider client={queryClient}>
      <MotionConfig reducedMotion="user">
        <LiveProvider>
          <RouterProvider router={router} />
        </LiveProvider>
      </MotionConfig>
    </QueryClientProvider>
  );
}
