import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { RequestContext } from './access.ts';

export interface TimelineEntry {
  /** What happened: 'person.registered', 'custody.changed', 'remission.added', 'note.added', ... */
  kind: string;
  /** corrections: prison and probation staff only; shared: whoever may see the person. */
  visibility: 'corrections' | 'shared';
  details?: Record<string, unknown>;
}

/**
 * Appends an event to a person's timeline, the one stream every module writes to. Pass the transaction of
 * the change so both commit or neither. Details must not hold what the visibility would leak.
 */
export async function recordTimeline(
  db: Kysely<Database>,
  ctx: RequestContext,
  personId: string,
  entry: TimelineEntry,
): Promise<void> {
  await db
    .insertInto('person_event')
    .values({
      person_id: personId,
      kind: entry.kind,
      visibility: entry.visibility,
      actor_user_id: ctx.principal.userId,
      actor_name: ctx.principal.fullName,
      organization_id: ctx.principal.organizationId,
      organization_name: ctx.principal.organizationShortName ?? ctx.principal.organizationName,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
