import { QueryClient } from '@tanstack/react-query';
import { ApiError, onAuthRequired } from '../lib/api';
import { meQueryKey } from '../features/auth/api';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // 4xx answers will not change on retry; network errors and 5xx get two more tries.
      retry: (failureCount, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
    },
  },
});

// A session that expires mid-use: forget the user; <RequireAuth> then sends the browser to /login.
onAuthRequired(() => {
  queryClient.setQueryData(meQueryKey, null);
});
