import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportMode } from '../../../../shared/peopleData.ts';
import type {
  VillageImportCheck,
  VillageImportField,
  VillageImportPreview,
  VillageImportResult,
  VillageImportTarget,
} from '../../../../shared/villageImport.ts';
import { postForm } from '../../../lib/postForm.ts';

export interface VillageImportInput {
  target: VillageImportTarget;
  file: File;
  mapping?: (VillageImportField | null)[];
  mode?: ImportMode;
  csrfToken: string;
}

function importForm(input: VillageImportInput): FormData {
  const form = new FormData();
  form.append('target', input.target);
  if (input.mapping) form.append('mapping', JSON.stringify(input.mapping));
  if (input.mode) form.append('mode', input.mode);
  form.append('file', input.file, input.file.name);
  return form;
}

const path = (step: 'preview' | 'check' | 'commit') => `/api/opportunity-import/${step}`;

export function useVillageImportPreview() {
  return useMutation({
    mutationFn: (input: VillageImportInput) =>
      postForm<VillageImportPreview>(path('preview'), importForm(input), input.csrfToken),
  });
}

export function useVillageImportCheck() {
  return useMutation({
    mutationFn: (input: VillageImportInput) =>
      postForm<VillageImportCheck>(path('check'), importForm(input), input.csrfToken),
  });
}

export function useVillageImportCommit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: VillageImportInput) =>
      postForm<VillageImportResult>(path('commit'), importForm(input), input.csrfToken),
    onSuccess: (_answer, input) => {
      // The lists and counts that show what was stored (partner directory, opportunities, kelurahan counts).
      const keys = input.target === 'partners' ? ['partners', 'organizations'] : ['opportunities'];
      for (const key of [...keys, 'villages']) void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}
