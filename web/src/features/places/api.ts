import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';
import type { Place } from '../../../../common/schemas/places';
import type { PlaceKind } from '../directory/types';
import { useInvalidateDirectory } from '../directory/use-invalidate-directory';

/** Response shape from the server's schema (type-only: nothing of zod reaches the bundle); lng/lat are WGS-84. */
export type { Place } from '../../../../common/schemas/places';

export const coordinateSystems = ['wgs84', 'gcj02'] as const;
export type CoordinateSystem = (typeof coordinateSystems)[number];

export interface PlaceInput {
  name?: string;
  kind?: PlaceKind;
  districtCode?: string | null;
  address?: string | null;
  lng?: number | null;
  lat?: number | null;
  crs?: CoordinateSystem;
  description?: string | null;
}

export interface PlaceFilters {
  q?: string;
  kind?: PlaceKind;
  districtCode?: string;
}

const placesKey = ['places'] as const;
const detailPath = (id: string) => `/api/places/${encodeURIComponent(id)}`;

export function usePlaces(query: PlaceFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...placesKey, 'list', query],
    queryFn: ({ signal }) => api.get<Page<Place>>('/api/places', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePlace(id: string | undefined) {
  return useQuery({
    queryKey: [...placesKey, 'detail', id],
    queryFn: ({ signal }) => api.get<Place>(detailPath(id ?? ''), { signal }),
    enabled: Boolean(id),
  });
}

export function useSavePlace() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: PlaceInput }) =>
      id ? api.patch<Place>(detailPath(id), input) : api.post<Place>('/api/places', input),
    onSuccess: () => invalidate(),
  });
}

export function useDeletePlace() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(detailPath(id)),
    onSuccess: (_result, id) => invalidate(id),
  });
}
