import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-client';

function isClientError(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not change by asking again; network blips and 5xx might.
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
      },
    },
  });
}
