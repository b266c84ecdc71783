import type { z } from 'zod';
import type { CreateOpportunityRequest } from '../../../shared/opportunities.ts';
import type { OpportunityValues } from './opportunities.repository.ts';

type CreateInput = z.output<typeof CreateOpportunityRequest>;

/**
 * The stored row of a new opportunity as the create contract describes it (the form's and the import's).
 * `restrictions: false` stores none (the import: corrections staff review restrictions on the opportunity);
 * otherwise the request's, each offence once.
 */
export function opportunityValues(
  body: CreateInput,
  partnerId: string,
  options: { restrictions: boolean },
): OpportunityValues {
  return {
    partner_id: partnerId,
    village_id: body.villageId,
    kind: body.kind,
    title: body.title,
    description: body.description ?? null,
    sector: body.sector,
    location: body.location ?? null,
    places: body.places,
    start_on: body.startOn,
    closes_on: body.closesOn ?? null,
    hours_per_week: body.hoursPerWeek ?? null,
    work_hours: body.workHours ?? null,
    shift_work: body.shiftWork,
    part_time: body.partTime,
    flexible: body.flexible,
    pay_min: body.payMin ?? null,
    pay_max: body.payMax ?? null,
    pay_period: body.payPeriod ?? null,
    open_to_asimilasi: body.openToAsimilasi,
    restricted_offences: options.restrictions ? [...new Set(body.restrictedOffences ?? [])] : [],
    restriction_note: options.restrictions ? (body.restrictionNote ?? null) : null,
  };
}
