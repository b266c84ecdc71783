import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateUserRequest,
  ResetPasswordResponse,
  UpdateUserRequest,
  UserList,
  UserListQuery,
  UserSummary,
} from '../../../../shared/users.ts';
import { api } from '../../../lib/api.ts';

export type UserListParams = UserListQuery;

const userPath = (id: string) => `/api/users/${encodeURIComponent(id)}`;

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: ['users', 'list', params],
    queryFn: ({ signal }) => api<UserList>('/api/users', { query: { ...params }, signal }),
    placeholderData: (previous) => previous,
  });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: ['users', 'detail', id],
    queryFn: ({ signal }) => api<UserSummary>(userPath(id), { signal }),
  });
}

function useStoreUser() {
  const queryClient = useQueryClient();
  return (user: UserSummary) => {
    queryClient.setQueryData(['users', 'detail', user.id], user);
    void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
  };
}

export function useCreateUser() {
  const store = useStoreUser();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => api<UserSummary>('/api/users', { method: 'POST', body }),
    onSuccess: store,
  });
}

export function useUpdateUser(id: string) {
  const store = useStoreUser();
  return useMutation({
    mutationFn: (body: UpdateUserRequest) => api<UserSummary>(userPath(id), { method: 'PATCH', body }),
    onSuccess: store,
  });
}

export type UserAction = 'deactivate' | 'activate' | 'unlock';

export function useUserAction(id: string) {
  const store = useStoreUser();
  return useMutation({
    mutationFn: (action: UserAction) => api<UserSummary>(`${userPath(id)}/${action}`, { method: 'POST' }),
    onSuccess: store,
  });
}

export function useResetPassword(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<ResetPasswordResponse>(`${userPath(id)}/reset-password`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
