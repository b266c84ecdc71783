import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { errorResponses } from '../../../shared/errors.ts';
import {
  CreateGoalRequest,
  CreateNeedRequest,
  CreateReintegrationPlanRequest,
  CreateReviewRequest,
  GoalParams,
  GoalStepParams,
  NeedParams,
  PathwayParams,
  PersonPlanParams,
  PutGoalStepsRequest,
  ReintegrationPlanView,
  UpdateGoalRequest,
  UpdateGoalStepRequest,
  UpdateNeedRequest,
  UpdatePathwayRequest,
  UpdateReintegrationPlanRequest,
} from '../../../shared/reintegration.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as plans from './reintegration.service.ts';

const tags = ['reintegration'];
const errors = errorResponses(400, 401, 403, 404, 409);
const BASE = '/api/people/:personId/reintegration-plan';

export const reintegrationRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    BASE,
    {
      schema: {
        tags,
        summary:
          'Her reintegration plan (null when none), its completeness and missing items, and what the caller may do (audited)',
        params: PersonPlanParams,
        response: { 200: ReintegrationPlanView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => plans.get(db, contextOf(request), request.params.personId),
  );

  app.post(
    BASE,
    {
      schema: {
        tags,
        summary: 'Make her reintegration plan (one per person; the eight pathways not started)',
        params: PersonPlanParams,
        body: CreateReintegrationPlanRequest,
        response: { 201: ReintegrationPlanView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await plans.create(db, contextOf(request), request.params.personId, request.body)),
  );

  app.patch(
    BASE,
    {
      schema: {
        tags,
        summary:
          'Change the plan: intended kelurahan, chosen opportunity or placement, guarantee letter and its acknowledgement, summary',
        params: PersonPlanParams,
        body: UpdateReintegrationPlanRequest,
        response: { 200: ReintegrationPlanView, ...errors },
      },
    },
    async (request) => plans.update(db, contextOf(request), request.params.personId, request.body),
  );

  app.put(
    `${BASE}/pathways/:pathway`,
    {
      schema: {
        tags,
        summary: 'Set a pathway’s status and note (a status change is kept in its history)',
        params: PathwayParams,
        body: UpdatePathwayRequest,
        response: { 200: ReintegrationPlanView, ...errors },
      },
    },
    async (request) =>
      plans.updatePathway(
        db,
        contextOf(request),
        request.params.personId,
        request.params.pathway,
        request.body,
      ),
  );

  app.post(
    `${BASE}/needs`,
    {
      schema: {
        tags,
        summary: 'Add a need to a pathway, with who is responsible',
        params: PersonPlanParams,
        body: CreateNeedRequest,
        response: { 201: ReintegrationPlanView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await plans.createNeed(db, contextOf(request), request.params.personId, request.body)),
  );

  app.patch(
    `${BASE}/needs/:needId`,
    {
      schema: {
        tags,
        summary: 'Change a need (a status change is kept in its pathway’s history)',
        params: NeedParams,
        body: UpdateNeedRequest,
        response: { 200: ReintegrationPlanView, ...errors },
      },
    },
    async (request) =>
      plans.updateNeed(db, contextOf(request), request.params.personId, request.params.needId, request.body),
  );

  app.post(
    `${BASE}/goals`,
    {
      schema: {
        tags,
        summary: 'Add a goal (3, 6 or 12 months; target date by default release + horizon) with its steps',
        params: PersonPlanParams,
        body: CreateGoalRequest,
        response: { 201: ReintegrationPlanView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await plans.createGoal(db, contextOf(request), request.params.personId, request.body)),
  );

  app.patch(
    `${BASE}/goals/:goalId`,
    {
      schema: {
        tags,
        summary: 'Change a goal (title, horizon, target date, status)',
        params: GoalParams,
        body: UpdateGoalRequest,
        response: { 200: ReintegrationPlanView, ...errors },
      },
    },
    async (request) =>
      plans.updateGoal(db, contextOf(request), request.params.personId, request.params.goalId, request.body),
  );

  app.put(
    `${BASE}/goals/:goalId/steps`,
    {
      schema: {
        tags,
        summary: 'Replace a goal’s steps (listed ids kept and reordered, others removed, new ones added)',
        params: GoalParams,
        body: PutGoalStepsRequest,
        response: { 200: ReintegrationPlanView, ...errors },
      },
    },
    async (request) =>
      plans.putGoalSteps(
        db,
        contextOf(request),
        request.params.personId,
        request.params.goalId,
        request.body,
      ),
  );

  app.patch(
    `${BASE}/goals/:goalId/steps/:stepId`,
    {
      schema: {
        tags,
        summary: 'Tick a step done (today or the date given) or not done',
        params: GoalStepParams,
        body: UpdateGoalStepRequest,
        response: { 200: ReintegrationPlanView, ...errors },
      },
    },
    async (request) =>
      plans.updateGoalStep(
        db,
        contextOf(request),
        request.params.personId,
        request.params.goalId,
        request.params.stepId,
        request.body,
      ),
  );

  app.post(
    `${BASE}/reviews`,
    {
      schema: {
        tags,
        summary: 'Record a review of the plan; its next review date becomes the plan’s',
        params: PersonPlanParams,
        body: CreateReviewRequest,
        response: { 201: ReintegrationPlanView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await plans.createReview(db, contextOf(request), request.params.personId, request.body)),
  );

  app.get(
    '/api/people/:personId/reintegration-plan.pdf',
    {
      schema: {
        tags,
        summary: 'The printable reintegration plan as PDF, in the caller’s language (audited)',
        params: PersonPlanParams,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('PDF'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { buffer, disposition } = await plans.exportPdf(db, contextOf(request), request.params.personId);
      return reply.type('application/pdf').header('content-disposition', disposition).send(buffer);
    },
  );
};
