import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RuleKind, RuleSetHistory, RuleSetOf, SaveRuleSetRequest } from '../../../../shared/sentence.ts';
import { api } from '../../../lib/api.ts';

const rulesPath = (kind: RuleKind) => `/api/rules/${kind}`;

export function useRuleSet<K extends RuleKind>(kind: K) {
  return useQuery({
    queryKey: ['rules', kind, 'current'],
    queryFn: ({ signal }) => api<RuleSetOf<K>>(rulesPath(kind), { signal }),
  });
}

export function useRuleHistory(kind: RuleKind) {
  return useQuery({
    queryKey: ['rules', kind, 'history'],
    queryFn: ({ signal }) => api<RuleSetHistory>(`${rulesPath(kind)}/history`, { signal }),
  });
}

export function useSaveRules<K extends RuleKind>(kind: K) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveRuleSetRequest<K>) => api<RuleSetOf<K>>(rulesPath(kind), { method: 'PUT', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['rules', kind, 'current'], saved);
      void queryClient.invalidateQueries({ queryKey: ['rules', kind, 'history'] });
      // Milestones computed with the old rules are stale.
      void queryClient.invalidateQueries({ queryKey: ['people'] });
    },
  });
}

/** Reloads the current rules and history after someone else saved first. */
export function useReloadRules(kind: RuleKind) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['rules', kind] });
}
