import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../../../shared/meetings.ts';
import {
  actionItemErrorRenames,
  actionItemFormValues,
  actionItemRequest,
  actionItemUpdateRequest,
  progressRequest,
  progressStatuses,
  progressValues,
} from './actionItemForm.ts';

const ORG = 'a3e1a2f0-0000-4000-8000-000000000001';
const USER = 'b3e1a2f0-0000-4000-8000-000000000002';
const AGREEMENT = 'c3e1a2f0-0000-4000-8000-000000000003';

function item(overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: 'd3e1a2f0-0000-4000-8000-000000000004',
    meeting: { id: 'e3e1a2f0-0000-4000-8000-000000000005', title: 'Rapat', heldOn: '2026-04-27' },
    decisionId: null,
    title: 'Menyusun draf MoU',
    description: null,
    ownerOrganization: { id: ORG, name: 'Lapas' },
    ownerUser: { id: USER, name: 'Sri' },
    ownerName: 'Sri',
    dueOn: '2026-05-15',
    status: 'open',
    overdue: false,
    doneOn: null,
    progressNote: null,
    agreement: { id: AGREEMENT, title: 'MoU', kind: 'mou', canOpen: true },
    workPlanActivity: null,
    topic: null,
    version: 2,
    updatedAt: '2026-04-27T05:00:00.000Z',
    canEdit: true,
    canUpdateProgress: true,
    ...overrides,
  };
}

describe('actionItemRequest', () => {
  it('sends nothing chosen as null, so the server names the missing owner and due date', () => {
    expect(actionItemRequest({ ...actionItemFormValues(), title: ' Draf ' })).toEqual({
      title: 'Draf',
      description: null,
      ownerOrganizationId: null,
      ownerUserId: null,
      ownerName: null,
      dueOn: null,
      decisionId: null,
      agreementId: null,
      workPlanActivityId: null,
      topic: null,
    });
  });

  it('sends only the owner kind and link kind chosen', () => {
    const values = {
      ...actionItemFormValues(),
      title: 'Skema',
      ownerOrganizationId: ORG,
      ownerMode: 'name' as const,
      ownerUserId: USER,
      ownerName: ' Pak Camat ',
      dueOn: '2026-06-01',
      linkKind: 'topic' as const,
      agreementId: AGREEMENT,
      topic: ' Skema pelatihan pascabebas ',
    };
    expect(actionItemRequest(values)).toMatchObject({
      ownerUserId: null,
      ownerName: 'Pak Camat',
      agreementId: null,
      topic: 'Skema pelatihan pascabebas',
    });
  });
});

describe('editing an item', () => {
  it('starts from the stored item and keeps its tracking on a full update', () => {
    const stored = item({ status: 'in_progress', progressNote: 'Draf pertama' });
    const values = actionItemFormValues(stored);
    expect(values).toMatchObject({
      ownerMode: 'user',
      ownerUserId: USER,
      linkKind: 'agreement',
      agreementId: AGREEMENT,
    });
    expect(actionItemUpdateRequest(stored, { ...values, dueOn: '2026-05-30' })).toMatchObject({
      version: 2,
      dueOn: '2026-05-30',
      status: 'in_progress',
      progressNote: 'Draf pertama',
      agreementId: AGREEMENT,
    });
  });

  it('takes a typed owner as a name', () => {
    const values = actionItemFormValues(item({ ownerUser: null, ownerName: 'Pak Lurah' }));
    expect(values).toMatchObject({ ownerMode: 'name', ownerName: 'Pak Lurah', ownerUserId: null });
  });
});

describe('actionItemErrorRenames', () => {
  it('puts owner and link errors on the inputs shown', () => {
    expect(actionItemErrorRenames(actionItemFormValues())).toEqual({
      owner: 'ownerUserId',
      link: 'linkKind',
    });
    const typed = { ...actionItemFormValues(), ownerMode: 'name' as const, linkKind: 'activity' as const };
    expect(actionItemErrorRenames(typed)).toEqual({ owner: 'ownerName', link: 'workPlanActivityId' });
  });
});

describe('progressRequest', () => {
  it('sends a done date only with status done', () => {
    const stored = item();
    expect(
      progressRequest(stored, { status: 'in_progress', doneOn: '2026-05-01', progressNote: ' ' }),
    ).toEqual({
      version: 2,
      status: 'in_progress',
      doneOn: null,
      progressNote: null,
    });
    expect(
      progressRequest(stored, { ...progressValues(stored), status: 'done', doneOn: '2026-05-01' }),
    ).toMatchObject({
      status: 'done',
      doneOn: '2026-05-01',
    });
  });
});

describe('progressStatuses', () => {
  it('lets the organizer cancel, the owner only move among open, in progress and done', () => {
    expect(progressStatuses({ canEdit: true, status: 'open' })).toEqual([
      'open',
      'in_progress',
      'done',
      'cancelled',
    ]);
    expect(progressStatuses({ canEdit: false, status: 'open' })).toEqual(['open', 'in_progress', 'done']);
    expect(progressStatuses({ canEdit: false, status: 'cancelled' })).toEqual(['cancelled']);
  });
});
