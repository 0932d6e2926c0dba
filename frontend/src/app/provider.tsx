import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { getSession, subscribeSession } from '@/lib/auth';
import { createQueryClient } from '@/lib/react-query';

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  // Whatever the last person loaded must not show to whoever signs in next.
  useEffect(
    () =>
      subscribeSession(() => {
        if (getSession().status === 'signed-out') queryClient.clear();
      }),
    [queryClient],
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
