import { useQuery } from '@tanstack/react-query';
import type { Organization, OrganizationKind, OrganizationList } from '../../../../shared/organizations.ts';
import { api } from '../../../lib/api.ts';

export interface OrganizationFilter {
  kind?: OrganizationKind;
  q?: string;
}

export function useOrganizations(filter: OrganizationFilter = {}) {
  return useQuery({
    queryKey: ['organizations', filter],
    queryFn: ({ signal }) => api<OrganizationList>('/api/organizations', { query: { ...filter }, signal }),
    staleTime: 5 * 60_000,
    placeholderData: (previous) => previous,
  });
}

export function useOrganization(id: string) {
  return useQuery({
    queryKey: ['organizations', 'detail', id],
    queryFn: ({ signal }) => api<Organization>(`/api/organizations/${encodeURIComponent(id)}`, { signal }),
  });
}
