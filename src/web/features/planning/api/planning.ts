import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FairnessQuery, FairnessReport, TrainingGapReport } from '../../../../shared/planning.ts';
import { api, toQueryString } from '../../../lib/api.ts';

/** The planner's query as the web sends it (the server coerces and checks it). */
export interface TrainingGapQuery {
  horizonMonths: number;
  villageId?: string;
}

export const planningKeys = {
  gap: (query: TrainingGapQuery) => ['planning', 'training-gap', query] as const,
  fairness: (query: FairnessQuery) => ['planning', 'fairness', query] as const,
};

/** The training-gap planner for a horizon (and optionally one kelurahan). */
export function useTrainingGap(query: TrainingGapQuery) {
  return useQuery({
    queryKey: planningKeys.gap(query),
    queryFn: ({ signal }) =>
      api<TrainingGapReport>('/api/planning/training-gap', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The same report as a spreadsheet (the server audits the download). */
export function trainingGapXlsxPath(query: TrainingGapQuery): string {
  return `/api/planning/training-gap.xlsx${toQueryString({ ...query })}`;
}

/** The fairness report for a release window (the server's default window without dates; audited). */
export function useFairness(query: FairnessQuery, enabled = true) {
  return useQuery({
    queryKey: planningKeys.fairness(query),
    queryFn: ({ signal }) => api<FairnessReport>('/api/planning/fairness', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
