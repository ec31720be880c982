import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FeatureCollection, Point } from 'geojson';
import { api, request, type Page } from '../../lib/api';
import type { Area, AreaDetail, LinkedEvent, PlaceCard, PublicArea, Route } from '../../../../common/schemas/map';
import type { AreaGeometry } from '../../../../common/geometry';
import type { TileSetting } from '../../../../common/map-tiles';
import type { AreaKind } from '../../../../common/map-domain';
import type { PlaceKind } from '../directory/types';
import { districtsKey, fetchDistricts, fetchMapPoints, pointsKey } from './points';

/** Response shapes from the server's schemas (type-only: nothing of zod reaches the bundle). */
export type { Area, AreaDetail, MapPlace, PlaceCard, PublicArea, Route } from '../../../../common/schemas/map';

export interface MapFilters {
  districtCode?: string;
  industryId?: string;
  networkId?: string;
}

export interface PlaceProps {
  id: string;
  name: string;
  kind: PlaceKind;
  district: string | null;
}
export type PlacesCollection = FeatureCollection<Point, PlaceProps>;

const mapKey = ['map'] as const;

/** The places of the map (GET /api/map/points: scoped and filtered by the server, compact, not audited as an export). */
export function useMapPlaces(filters: MapFilters) {
  return useQuery({
    queryKey: pointsKey(filters),
    queryFn: ({ signal }) => fetchMapPoints(filters, signal),
    // thousands of points: comparing the old and new collection deeply costs more than it saves
    structuralSharing: false,
    placeholderData: keepPreviousData,
  });
}

export function usePlaceCard(id: string | undefined) {
  return useQuery({
    queryKey: [...mapKey, 'card', id],
    queryFn: ({ signal }) => api.get<PlaceCard>(`/api/map/places/${encodeURIComponent(id ?? '')}/card`, { signal }),
    enabled: Boolean(id),
  });
}

export function useAreas(query: { q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...mapKey, 'areas', query],
    queryFn: ({ signal }) => api.get<Page<Area>>('/api/map/areas', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useArea(id: string | undefined) {
  return useQuery({
    queryKey: [...mapKey, 'area', id],
    queryFn: ({ signal }) => api.get<AreaDetail>(`/api/map/areas/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export interface AreaInput {
  name?: string;
  kind?: AreaKind;
  districtCode?: string | null;
  geometry?: AreaGeometry;
  approximate?: boolean;
  note?: string | null;
  published?: boolean;
}

export function useSaveArea() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: AreaInput }) =>
      id ? api.patch<Area>(`/api/map/areas/${encodeURIComponent(id)}`, input) : api.post<Area>('/api/map/areas', input),
    onSuccess: () => client.invalidateQueries({ queryKey: mapKey }),
  });
}

export function useDeleteArea() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/map/areas/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: mapKey }),
  });
}

export function useRoutes(query: { q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...mapKey, 'routes', query],
    queryFn: ({ signal }) => api.get<Page<Route>>('/api/map/routes', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRoute(id: string | undefined) {
  return useQuery({
    queryKey: [...mapKey, 'route', id],
    queryFn: ({ signal }) => api.get<Route>(`/api/map/routes/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useSaveRoute() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: { name?: string; placeIds?: string[]; note?: string | null; published?: boolean; districtCode?: string | null } }) =>
      id ? api.patch<Route>(`/api/map/routes/${encodeURIComponent(id)}`, input) : api.post<Route>('/api/map/routes', input),
    onSuccess: () => client.invalidateQueries({ queryKey: mapKey }),
  });
}

export function useDeleteRoute() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/map/routes/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: mapKey }),
  });
}

/** The events that follow a route (site visits along it). */
export function useRouteEvents(id: string | undefined) {
  return useQuery({
    queryKey: [...mapKey, 'route-events', id],
    queryFn: ({ signal }) => api.get<LinkedEvent[]>(`/api/map/routes/${encodeURIComponent(id ?? '')}/events`, { signal }),
    enabled: Boolean(id),
  });
}

export type EventRoute = { route: { id: string; name: string; totalM: number; stops: number } | null };

/** The route an event follows; and setting it (the event page). */
export function useEventRoute(eventId: string | undefined) {
  return useQuery({
    queryKey: [...mapKey, 'event-route', eventId],
    queryFn: ({ signal }) => api.get<EventRoute>(`/api/events/${encodeURIComponent(eventId ?? '')}/route`, { signal }),
    enabled: Boolean(eventId),
  });
}

export function useSetEventRoute(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (routeId: string | null) => request<EventRoute>('PUT', `/api/events/${encodeURIComponent(eventId)}/route`, { body: { routeId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: mapKey }),
  });
}

/** The deployment's optional tiles (TONGXIN_MAP_TILES; null: none, the default). */
export function useTileSetting() {
  return useQuery({
    queryKey: [...mapKey, 'tiles'],
    queryFn: ({ signal }) => api.get<{ tiles: TileSetting | null }>('/api/public/map/tiles', { signal, authRedirect: false }),
    staleTime: Infinity,
    retry: false,
  });
}

export function usePublicArea(id: string | undefined) {
  return useQuery({
    queryKey: [...mapKey, 'public', id],
    queryFn: ({ signal }) => api.get<PublicArea>(`/api/public/map/areas/${encodeURIComponent(id ?? '')}`, { signal, authRedirect: false }),
    enabled: Boolean(id),
    retry: false,
  });
}

/** The district boundaries (shared/data, ODbL), served by the app itself: no network beyond it. */
export function useDistricts() {
  return useQuery({ queryKey: districtsKey, queryFn: ({ signal }) => fetchDistricts(signal), staleTime: Infinity });
}
