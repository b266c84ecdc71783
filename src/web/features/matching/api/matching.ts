import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PlacementDetail } from '../../../../shared/placements.ts';
import type {
  MatchComparison,
  MatchDecision,
  MatchDecisionRequest,
  OpportunityCandidates,
  PersonRecommendations,
  ProposeFromMatchRequest,
} from '../../../../shared/recommendations.ts';
import { api } from '../../../lib/api.ts';
import { useAfterPlacementChange } from '../../placements/api/placements.ts';

// The answers name skills in the caller's language: the language is part of every key, so switching it asks again.
export const matchingKeys = {
  all: ['matching'] as const,
  person: (personId: string, language: string) => ['matching', 'person', personId, language] as const,
  candidates: (opportunityId: string, language: string) =>
    ['matching', 'candidates', opportunityId, language] as const,
  compare: (personId: string, opportunityIds: readonly string[], language: string) =>
    ['matching', 'compare', personId, ...opportunityIds, language] as const,
};

/** The opportunities that suit her best (top N), those set aside, those waiting for review, and the counts. */
export function usePersonRecommendations(personId: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: matchingKeys.person(personId, i18n.language),
    queryFn: ({ signal }) =>
      api<PersonRecommendations>(`/api/people/${encodeURIComponent(personId)}/recommendations`, { signal }),
  });
}

/** The best candidates of an opportunity among the people the caller may see. */
export function useOpportunityCandidates(opportunityId: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: matchingKeys.candidates(opportunityId, i18n.language),
    queryFn: ({ signal }) =>
      api<OpportunityCandidates>(`/api/opportunities/${encodeURIComponent(opportunityId)}/candidates`, {
        signal,
      }),
  });
}

/** Two options of one woman side by side (asked only while the comparison is open). */
export function useMatchComparison(personId: string, opportunityIds: readonly string[] | null) {
  const { i18n } = useTranslation();
  const ids = opportunityIds ?? [];
  return useQuery({
    queryKey: matchingKeys.compare(personId, ids, i18n.language),
    queryFn: ({ signal }) =>
      api<MatchComparison>('/api/matching/compare', {
        query: { personId, opportunityIds: ids.join(',') },
        signal,
      }),
    enabled: ids.length === 2,
  });
}

/** A decision moves a pair between the lists (set aside, reviewed, restored): every list is asked again. */
function useAfterDecision() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: matchingKeys.all });
}

/** Set a recommendation aside, or (corrections) clear or refuse a pair whose restriction touches her offence. */
export function useDecideMatch() {
  const afterDecision = useAfterDecision();
  return useMutation({
    mutationFn: (body: MatchDecisionRequest) =>
      api<MatchDecision>('/api/matching/decisions', { method: 'POST', body }),
    onSuccess: () => afterDecision(),
  });
}

/** Takes a decision back: a set-aside opportunity is recommended again. */
export function useRevokeDecision() {
  const afterDecision = useAfterDecision();
  return useMutation({
    mutationFn: (decisionId: string) =>
      api<MatchDecision>(`/api/matching/decisions/${encodeURIComponent(decisionId)}/revoke`, {
        method: 'POST',
      }),
    onSuccess: () => afterDecision(),
  });
}

/**
 * Proposes her from a recommendation (the server weighs the pair again and keeps the score on the placement).
 * The placements, the opportunity's places and every matching list are asked again; the card she was
 * proposed from is kept by its list (the server no longer lists a pair in the pipeline).
 */
export function useProposeFromMatch() {
  const queryClient = useQueryClient();
  const afterPlacementChange = useAfterPlacementChange();
  return useMutation({
    mutationFn: (body: ProposeFromMatchRequest) =>
      api<PlacementDetail>('/api/matching/proposals', { method: 'POST', body }),
    onSuccess: (_placement, body) => {
      afterPlacementChange(body.personId);
      void queryClient.invalidateQueries({ queryKey: matchingKeys.all });
    },
  });
}
