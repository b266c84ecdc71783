import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AgreementList } from '../../../../shared/agreements.ts';
import type { ActivityReport, CreateActivityReportRequest } from '../../../../shared/governance.ts';
import type {
  ActionItem,
  ActionItemProgressRequest,
  CreateActionItemRequest,
  CreateMeetingRequest,
  MeetingDetail,
  MeetingList,
  MeetingListQuery,
  MeetingPeople,
  MeetingPeopleQuery,
  MeetingPhoto,
  SaveAttendanceRequest,
  SaveMinutesRequest,
  UpdateActionItemRequest,
  UpdateMeetingRequest,
  UpdatePhotoRequest,
} from '../../../../shared/meetings.ts';
import type { WorkPlanTimeline, WorkPlanTimelineQuery } from '../../../../shared/workplans.ts';
import { api } from '../../../lib/api.ts';
import { postForm } from '../../../lib/postForm.ts';

// Coordination meetings (issue 8): the list, one meeting with everything in it, and its changes. Every change
// answers the whole meeting (or the action item): the answer replaces the cached meeting, so the next change
// carries the version the server has now.

/** The list's query as the web builds it (every part optional; the server fills in the defaults). */
export type MeetingFilter = Partial<z.output<typeof MeetingListQuery>>;

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (query: MeetingFilter) => ['meetings', 'list', query] as const,
  detail: (meetingId: string) => ['meetings', 'detail', meetingId] as const,
  people: (query: MeetingPeopleQuery) => ['meetings', 'people', query] as const,
  agreements: () => ['meetings', 'links', 'agreements'] as const,
  activities: (query: WorkPlanTimelineQuery) => ['meetings', 'links', 'activities', query] as const,
};

export const meetingPath = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;
const actionItemPath = (actionItemId: string) => `/api/action-items/${encodeURIComponent(actionItemId)}`;

/** The printable minutes (notulen) and attendance list (daftar hadir); the server audits each download. */
export const notulenPdfPath = (meetingId: string) => `${meetingPath(meetingId)}/notulen.pdf`;
export const daftarHadirPdfPath = (meetingId: string) => `${meetingPath(meetingId)}/daftar-hadir.pdf`;
/** One photo's image (shown in an <img>; the server audits it). */
export const photoContentPath = (meetingId: string, fileId: string) =>
  `${meetingPath(meetingId)}/photos/${encodeURIComponent(fileId)}/content`;

/** The meetings her organization organized or attended, newest first (the server filters by reach). */
export function useMeetings(query: MeetingFilter) {
  return useQuery({
    queryKey: meetingKeys.list(query),
    queryFn: ({ signal }) => api<MeetingList>('/api/meetings', { query: { ...query }, signal }),
    placeholderData: (previous) => previous,
  });
}

export function useMeeting(meetingId: string) {
  return useQuery({
    queryKey: meetingKeys.detail(meetingId),
    queryFn: ({ signal }) => api<MeetingDetail>(meetingPath(meetingId), { signal }),
  });
}

/**
 * Active users to invite (name at least 2 letters), or the users of one organization (the owner of an action
 * item). Asked only while `enabled`.
 */
export function useMeetingPeople(query: MeetingPeopleQuery, enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.people(query),
    queryFn: ({ signal }) => api<MeetingPeople>('/api/meetings/people', { query: { ...query }, signal }),
    enabled,
    staleTime: 60_000,
    placeholderData: (previous) => previous,
  });
}

/** The agreements her organization is party to: what an action item may be about. */
export function useLinkableAgreements(enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.agreements(),
    queryFn: ({ signal }) =>
      api<AgreementList>('/api/agreements', { query: { page: 1, pageSize: 200 }, signal }),
    enabled,
    staleTime: 60_000,
  });
}

/** The work-plan activities she sees over a span of years: what an action item may be about. */
export function useLinkableActivities(query: WorkPlanTimelineQuery, enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.activities(query),
    queryFn: ({ signal }) =>
      api<WorkPlanTimeline>('/api/work-plans/timeline', { query: { ...query }, signal }),
    enabled,
    staleTime: 60_000,
  });
}

/**
 * After a change the answer becomes the cached meeting; the lists (counts), the governance overview, tasks
 * and the home card (action items) are asked again.
 */
function useAfterMeetingChange() {
  const queryClient = useQueryClient();
  return (meeting?: MeetingDetail) => {
    if (meeting) queryClient.setQueryData(meetingKeys.detail(meeting.id), meeting);
    void queryClient.invalidateQueries({ queryKey: ['meetings', 'list'] });
    for (const key of ['governance', 'tasks', 'notifications'])
      void queryClient.invalidateQueries({ queryKey: [key] });
  };
}

export function useCreateMeeting() {
  const after = useAfterMeetingChange();
  return useMutation({
    mutationFn: (body: CreateMeetingRequest) => api<MeetingDetail>('/api/meetings', { method: 'POST', body }),
    onSuccess: after,
  });
}

export function useUpdateMeeting(meetingId: string) {
  const after = useAfterMeetingChange();
  return useMutation({
    mutationFn: (body: UpdateMeetingRequest) =>
      api<MeetingDetail>(meetingPath(meetingId), { method: 'PUT', body }),
    onSuccess: after,
  });
}

export function useSaveMinutes(meetingId: string) {
  const after = useAfterMeetingChange();
  return useMutation({
    mutationFn: (body: SaveMinutesRequest) =>
      api<MeetingDetail>(`${meetingPath(meetingId)}/minutes`, { method: 'PUT', body }),
    onSuccess: after,
  });
}

export function useSaveAttendance(meetingId: string) {
  const after = useAfterMeetingChange();
  return useMutation({
    mutationFn: (body: SaveAttendanceRequest) =>
      api<MeetingDetail>(`${meetingPath(meetingId)}/attendance`, { method: 'PUT', body }),
    onSuccess: after,
  });
}

/** An action item changes its meeting (and, carried over, later ones): every meeting is asked again. */
function useAfterActionItemChange() {
  const queryClient = useQueryClient();
  return () => {
    for (const key of ['meetings', 'governance', 'tasks', 'notifications'])
      void queryClient.invalidateQueries({ queryKey: [key] });
  };
}

export function useCreateActionItem(meetingId: string) {
  const after = useAfterActionItemChange();
  return useMutation({
    mutationFn: (body: CreateActionItemRequest) =>
      api<ActionItem>(`${meetingPath(meetingId)}/action-items`, { method: 'POST', body }),
    onSuccess: after,
  });
}

export function useUpdateActionItem() {
  const after = useAfterActionItemChange();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateActionItemRequest & { id: string }) =>
      api<ActionItem>(actionItemPath(id), { method: 'PUT', body }),
    onSuccess: after,
  });
}

export function useActionItemProgress() {
  const after = useAfterActionItemChange();
  return useMutation({
    mutationFn: ({ id, ...body }: ActionItemProgressRequest & { id: string }) =>
      api<ActionItem>(`${actionItemPath(id)}/progress`, { method: 'POST', body }),
    onSuccess: after,
  });
}

export interface PhotoUpload {
  file: File;
  caption: string;
  csrfToken: string;
}

export function useUploadPhoto(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, caption, csrfToken }: PhotoUpload) => {
      const form = new FormData();
      // The caption first: the server reads the fields before the file's stream.
      form.append('caption', caption);
      form.append('file', file, file.name);
      return postForm<MeetingPhoto>(`${meetingPath(meetingId)}/photos`, form, csrfToken);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meetingId) }),
  });
}

export function useUpdatePhoto(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fileId, ...body }: UpdatePhotoRequest & { fileId: string }) =>
      api<MeetingPhoto>(`${meetingPath(meetingId)}/photos/${encodeURIComponent(fileId)}`, {
        method: 'PUT',
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meetingId) }),
  });
}

export function useRemovePhoto(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) =>
      api<void>(`${meetingPath(meetingId)}/photos/${encodeURIComponent(fileId)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meetingId) }),
  });
}

/** A draft activity report filled from the meeting's record (the governance module's templates). */
export function useCreateActivityReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateActivityReportRequest) =>
      api<ActivityReport>('/api/governance/activity-reports', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['governance'] }),
  });
}
