import type { Selectable } from 'kysely';
import { daysBetween } from '../../../shared/people.ts';
import type {
  SupervisionEscalation,
  SupervisionSchedule,
  SupervisionSession,
} from '../../../shared/supervision.ts';
import type { SupervisionScheduleTable } from '../../db/schema.ts';
import type { EscalationRow, SessionRow } from './supervision.repository.ts';

const iso = (value: Date | string) => new Date(value).toISOString();

export function presentSchedule(
  row: Selectable<SupervisionScheduleTable>,
  today: string,
): SupervisionSchedule {
  const overdue =
    row.active && row.next_due_on && row.next_due_on < today ? daysBetween(row.next_due_on, today) : 0;
  return {
    kind: row.kind,
    interval: row.interval,
    place: row.place,
    startsOn: row.starts_on,
    nextDueOn: row.next_due_on,
    overdueDays: overdue,
    active: row.active,
    endedOn: row.ended_on,
    endedReason: row.ended_reason,
    updatedAt: iso(row.updated_at),
    version: row.version,
  };
}

export function presentSession(row: SessionRow): SupervisionSession {
  return {
    id: row.id,
    kind: row.kind,
    placeKind: row.place_kind,
    place: row.place,
    dueOn: row.due_on,
    heldOn: row.held_on,
    outcome: row.outcome,
    notes: row.notes,
    nextSteps: row.next_steps,
    clientKey: row.client_key,
    officer:
      row.officer_user_id && row.officer_name ? { id: row.officer_user_id, name: row.officer_name } : null,
    recordedBy: row.recorded_by_name,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    version: row.version,
  };
}

export function presentEscalation(row: EscalationRow): SupervisionEscalation {
  return {
    id: row.id,
    level: row.level,
    sessionId: row.session_id,
    automatic: row.session_id !== null,
    note: row.note,
    createdBy: row.created_by_name,
    createdAt: iso(row.created_at),
    resolvedAt: row.resolved_at ? iso(row.resolved_at) : null,
    resolvedBy: row.resolved_by_name ?? null,
    resolutionNote: row.resolution_note,
  };
}
