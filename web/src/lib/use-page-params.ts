import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** Filters, paging and sort kept in the URL, so that a list can be bookmarked, shared and gone back to. */
export function usePageParams(defaults: { pageSize?: number } = {}) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || defaults.pageSize || 20));

  const get = useCallback((name: string): string | undefined => params.get(name) ?? undefined, [params]);

  /** Sets (or, for empty values, removes) parameters; any change other than `page` goes back to page 1. */
  const update = useCallback(
    (changes: Record<string, string | number | undefined | null>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(changes)) {
            if (value === undefined || value === null || value === '') next.delete(name);
            else next.set(name, String(value));
          }
          if (!('page' in changes)) next.delete('page');
          if (next.get('page') === '1') next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { page, pageSize, get, update };
}
