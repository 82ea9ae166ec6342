import { QueryClientProvider } from '@tanstack/react-query';
import { MotionConfig } from 'framer-motion';
import { RouterProvider } from 'react-router-dom';
import { queryClient } from './api/query-client.ts';
import { LiveProvider } from './realtime/live-provider.tsx';
import { router } from './routes.tsx';

export function App() {
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
