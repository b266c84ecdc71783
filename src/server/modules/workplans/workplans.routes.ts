import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { errorResponses } from '../../../shared/errors.ts';
import {
  CreateWorkPlanActivityRequest,
  CreateWorkPlanRequest,
  CreateWorkPlanTargetRequest,
  RemoveQuery,
  UpdateWorkPlanActivityRequest,
  UpdateWorkPlanRequest,
  UpdateWorkPlanTargetRequest,
  WorkPlan,
  WorkPlanActivityParams,
  WorkPlanList,
  WorkPlanListQuery,
  WorkPlanOptions,
  WorkPlanOptionsQuery,
  WorkPlanParams,
  WorkPlanTargetParams,
  WorkPlanTimeline,
  WorkPlanTimelineQuery,
} from '../../../shared/workplans.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as workPlans from './workplans.service.ts';

const tags = ['work plans'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const change = errorResponses(400, 401, 403, 404, 409);

export const workPlanRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/work-plans',
    {
      schema: {
        tags,
        summary:
          'The work plans the caller’s organization sees (a party of the agreement, or responsible for an activity)',
        querystring: WorkPlanListQuery,
        response: { 200: WorkPlanList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => workPlans.list(db, contextOf(request), request.query),
  );

  app.get(
    '/api/work-plans/options',
    {
      schema: {
        tags,
        summary:
          'Choices for the work-plan forms: the caller’s agreements, the organization directory, the cohorts of an agreement’s parties',
        querystring: WorkPlanOptionsQuery,
        response: { 200: WorkPlanOptions, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => workPlans.options(db, contextOf(request), request.query),
  );

  app.get(
    '/api/work-plans/timeline',
    {
      schema: {
        tags,
        summary: 'The activities of the visible work plans between two dates (default: this year)',
        querystring: WorkPlanTimelineQuery,
        response: { 200: WorkPlanTimeline, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => workPlans.timeline(db, contextOf(request), request.query),
  );

  app.post(
    '/api/work-plans',
    {
      schema: {
        tags,
        summary: 'Create a work plan under an agreement the caller’s organization is a party of',
        body: CreateWorkPlanRequest,
        response: { 201: WorkPlan, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await workPlans.create(db, contextOf(request), request.body)),
  );

  app.get(
    '/api/work-plans/:workPlanId',
    {
      schema: {
        tags,
        summary: 'One work plan: activities, targets with their actual figures, budget by source',
        params: WorkPlanParams,
        response: { 200: WorkPlan, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => workPlans.get(db, contextOf(request), request.params.workPlanId),
  );

  app.put(
    '/api/work-plans/:workPlanId',
    {
      schema: {
        tags,
        summary: 'Change a work plan’s agreement, title, objectives, period or status (staff of a party)',
        params: WorkPlanParams,
        body: UpdateWorkPlanRequest,
        response: { 200: WorkPlan, ...change },
      },
    },
    async (request) => workPlans.update(db, contextOf(request), request.params.workPlanId, request.body),
  );

  app.post(
    '/api/work-plans/:workPlanId/activities',
    {
      schema: {
        tags,
        summary: 'Add an activity to a work plan (dates inside the plan period)',
        params: WorkPlanParams,
        body: CreateWorkPlanActivityRequest,
        response: { 201: WorkPlan, ...change },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await workPlans.addActivity(db, contextOf(request), request.params.workPlanId, request.body)),
  );

  app.put(
    '/api/work-plans/:workPlanId/activities/:activityId',
    {
      schema: {
        tags,
        summary: 'Change an activity of a work plan',
        params: WorkPlanActivityParams,
        body: UpdateWorkPlanActivityRequest,
        response: { 200: WorkPlan, ...change },
      },
    },
    async (request) =>
      workPlans.saveActivity(
        db,
        contextOf(request),
        request.params.workPlanId,
        request.params.activityId,
        request.body,
      ),
  );

  app.delete(
    '/api/work-plans/:workPlanId/activities/:activityId',
    {
      schema: {
        tags,
        summary: 'Remove an activity from a work plan (its targets keep going without the link)',
        params: WorkPlanActivityParams,
        querystring: RemoveQuery,
        response: { 200: WorkPlan, ...change },
      },
    },
    async (request) =>
      workPlans.removeActivity(
        db,
        contextOf(request),
        request.params.workPlanId,
        request.params.activityId,
        request.query.version,
      ),
  );

  app.post(
    '/api/work-plans/:workPlanId/targets',
    {
      schema: {
        tags,
        summary: 'Add a target to a work plan',
        params: WorkPlanParams,
        body: CreateWorkPlanTargetRequest,
        response: { 201: WorkPlan, ...change },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await workPlans.addTarget(db, contextOf(request), request.params.workPlanId, request.body)),
  );

  app.put(
    '/api/work-plans/:workPlanId/targets/:targetId',
    {
      schema: {
        tags,
        summary: 'Change a target of a work plan',
        params: WorkPlanTargetParams,
        body: UpdateWorkPlanTargetRequest,
        response: { 200: WorkPlan, ...change },
      },
    },
    async (request) =>
      workPlans.saveTarget(
        db,
        contextOf(request),
        request.params.workPlanId,
        request.params.targetId,
        request.body,
      ),
  );

  app.delete(
    '/api/work-plans/:workPlanId/targets/:targetId',
    {
      schema: {
        tags,
        summary: 'Remove a target from a work plan',
        params: WorkPlanTargetParams,
        querystring: RemoveQuery,
        response: { 200: WorkPlan, ...change },
      },
    },
    async (request) =>
      workPlans.removeTarget(
        db,
        contextOf(request),
        request.params.workPlanId,
        request.params.targetId,
        request.query.version,
      ),
  );

  app.get(
    '/api/work-plans/:workPlanId/export.pdf',
    {
      schema: {
        tags,
        summary:
          'The work plan as a landscape PDF on the letterhead of the organization that made it (audited)',
        params: WorkPlanParams,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('PDF'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { buffer, disposition } = await workPlans.exportPdf(
        db,
        contextOf(request),
        request.params.workPlanId,
      );
      return reply.type('application/pdf').header('content-disposition', disposition).send(buffer);
    },
  );

  app.get(
    '/api/work-plans/:workPlanId/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The work plan as XLSX (sheets Kegiatan and Target; audited)',
        params: WorkPlanParams,
        produces: [XLSX],
        response: { 200: z.any().describe('XLSX workbook'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { buffer, disposition } = await workPlans.exportXlsx(
        db,
        contextOf(request),
        request.params.workPlanId,
      );
      return reply.type(XLSX).header('content-disposition', disposition).send(buffer);
    },
  );
};
