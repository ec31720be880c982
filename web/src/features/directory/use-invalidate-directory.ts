import { useQueryClient } from '@tanstack/react-query';

const directoryKeys = ['organizations', 'people', 'networks', 'industries', 'places', 'search', 'stats'] as const;

/**
 * After any directory write: lists, details, search results and home counts may all have changed.
 * `goneId` is a record that no longer exists (deleted or merged away): its detail is dropped rather
 * than refetched, so that its page does not flash a 404 before navigating away.
 */
export function useInvalidateDirectory() {
  const queryClient = useQueryClient();
  return async (goneId?: string) => {
    const isGone = (key: readonly unknown[]) => goneId !== undefined && key[1] === 'detail' && key[2] === goneId;
    if (goneId) {
      queryClient.removeQueries({ predicate: (query) => isGone(query.queryKey) && query.getObserversCount() === 0 });
    }
    await Promise.all(
      directoryKeys.map((key) =>
        queryClient.invalidateQueries({ queryKey: [key], predicate: (query) => !isGone(query.queryKey) }),
      ),
    );
  };
}
