import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateSkillRequest,
  Skill,
  SkillTaxonomy,
  UpdateSkillRequest,
} from '../../../../shared/skills.ts';
import { api } from '../../../lib/api.ts';

export const skillKeys = {
  all: ['skills'] as const,
  taxonomy: (includeInactive: boolean) => ['skills', 'taxonomy', includeInactive] as const,
};

/** The taxonomy by sector; administrators may ask for the deactivated skills too. */
export function useSkillTaxonomy(includeInactive = false) {
  return useQuery({
    queryKey: skillKeys.taxonomy(includeInactive),
    queryFn: ({ signal }) =>
      api<SkillTaxonomy>('/api/skills', {
        query: { includeInactive: includeInactive ? 'true' : undefined },
        signal,
      }),
    staleTime: 5 * 60_000,
  });
}

function useAfterSkillChange() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: skillKeys.all });
    // Program pages show skill names.
    void queryClient.invalidateQueries({ queryKey: ['training', 'programs'] });
  };
}

export function useCreateSkill() {
  const afterChange = useAfterSkillChange();
  return useMutation({
    mutationFn: (body: CreateSkillRequest) => api<Skill>('/api/skills', { method: 'POST', body }),
    onSuccess: afterChange,
  });
}

export function useUpdateSkill() {
  const afterChange = useAfterSkillChange();
  return useMutation({
    mutationFn: ({ skillId, ...body }: UpdateSkillRequest & { skillId: string }) =>
      api<Skill>(`/api/skills/${encodeURIComponent(skillId)}`, { method: 'PATCH', body }),
    onSuccess: afterChange,
  });
}

/** Reloads the taxonomy after someone else changed a skill first. */
export function useReloadSkills() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: skillKeys.all });
}
