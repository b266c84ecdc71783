import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { TaskKind, TaskList, TaskSummary } from './contract.ts';

export interface TaskQuery {
  kind?: TaskKind;
  page: number;
  pageSize: number;
}

export const taskKeys = {
  all: ['tasks'] as const,
  list: (query: TaskQuery) => ['tasks', 'list', query] as const,
  summary: () => ['tasks', 'summary'] as const,
};

/** The caller's tasks (derived by the server from the records; the server audits who was shown). */
export function useTasks(query: TaskQuery) {
  return useQuery({
    queryKey: taskKeys.list(query),
    queryFn: ({ signal }) => api<TaskList>('/api/tasks', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Counts by kind, for the home page (no person in it). */
export function useTaskSummary() {
  return useQuery({
    queryKey: taskKeys.summary(),
    queryFn: ({ signal }) => api<TaskSummary>('/api/tasks/summary', { signal }),
  });
}
