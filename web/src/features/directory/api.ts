import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OrganizationKind } from '../../../../common/domain';
import { api, type Page } from '../../lib/api';

export { organizationKinds, type OrganizationKind } from '../../../../common/domain';

export interface OrganizationListItem {
  id: string;
  name: string;
  kind: OrganizationKind;
  districtCode: string | null;
  districtName: string | null;
  uscc: string | null;
}

export const organizationSorts = ['name', '-name', 'createdAt', '-createdAt'] as const;
export type OrganizationSort = (typeof organizationSorts)[number];

export interface OrganizationQuery {
  q?: string;
  kind?: OrganizationKind;
  districtCode?: string;
  page: number;
  pageSize: number;
  sort: OrganizationSort;
}

export function useOrganizations(query: OrganizationQuery) {
  return useQuery({
    queryKey: ['organizations', 'list', query],
    queryFn: ({ signal }) =>
      api.get<Page<OrganizationListItem>>('/api/organizations', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}
