import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { errorResponses } from '../../../shared/errors.ts';
import {
  AdjustPlanItemRequest,
  AdjustPlanItemResponse,
  CreatePlanRequest,
  DecidePlanRequest,
  PlanDetail,
  PlanItemParams,
  PlanList,
  PlanParams,
  PlanSummary,
} from '../../../shared/placementPlans.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as plans from './plans.service.ts';

const tags = ['plans'];
const errors = errorResponses(400, 401, 403, 404, 409);

export const planRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.post(
    '/api/plans',
    {
      schema: {
        tags,
        summary:
          'Make a draft placement plan for a release window: the assignment of the women the caller sees to the open places that maximizes the total score, beside a greedy one',
        body: CreatePlanRequest,
        response: { 201: PlanSummary, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await plans.create(db, contextOf(request), request.body)),
  );

  app.get(
    '/api/plans',
    {
      schema: {
        tags,
        summary: 'The placement plans of the caller’s organization, newest first',
        response: { 200: PlanList, ...errorResponses(401, 403) },
      },
    },
    async (request) => plans.list(db, contextOf(request)),
  );

  app.get(
    '/api/plans/:planId',
    {
      schema: {
        tags,
        summary:
          'One plan with its items (only women the caller sees), the reasons of each pair and why the others have no place (audited)',
        params: PlanParams,
        response: { 200: PlanDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => plans.get(db, contextOf(request), request.params.planId),
  );

  app.patch(
    '/api/plans/:planId/items/:itemId',
    {
      schema: {
        tags,
        summary:
          'Change a woman’s place in a draft plan (the pair must be eligible today, within the places the plan has left), or take it away, with a reason',
        params: PlanItemParams,
        body: AdjustPlanItemRequest,
        response: { 200: AdjustPlanItemResponse, ...errors },
      },
    },
    async (request) =>
      plans.adjust(db, contextOf(request), request.params.planId, request.params.itemId, request.body),
  );

  app.post(
    '/api/plans/:planId/accept',
    {
      schema: {
        tags,
        summary:
          'Accept a draft plan: one proposal per woman with a place, all in one transaction, or none (409 naming who cannot be proposed and why)',
        params: PlanParams,
        body: DecidePlanRequest,
        response: { 200: PlanSummary, ...errors },
      },
    },
    async (request) => plans.accept(db, contextOf(request), request.params.planId, request.body),
  );

  app.post(
    '/api/plans/:planId/discard',
    {
      schema: {
        tags,
        summary: 'Discard a draft plan (kept on record, never proposed)',
        params: PlanParams,
        body: DecidePlanRequest,
        response: { 200: PlanSummary, ...errors },
      },
    },
    async (request) => plans.discard(db, contextOf(request), request.params.planId, request.body),
  );
};
