import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { CohortParams } from '../../../../shared/cohorts.ts';
import {
  AllocationRequest,
  AllocationResult,
  CreateEnrolmentRequest,
  DeallocateRequest,
  Enrolment,
  EnrolmentDecisionRequest,
  EnrolmentList,
  EnrolmentListQuery,
  EnrolmentParams,
  SuitabilityList,
  SuitabilityRequest,
  WithdrawEnrolmentRequest,
} from '../../../../shared/enrolments.ts';
import { errorResponses } from '../../../../shared/errors.ts';
import type { Database } from '../../../db/schema.ts';
import { contextOf } from '../../../platform/access.ts';
import * as enrolments from './enrolments.service.ts';

const tags = ['training'];
const errors = errorResponses(400, 401, 403, 404, 409);

export const enrolmentRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/training/enrolments',
    {
      schema: {
        tags,
        summary: 'The prison’s training requests and allocations, oldest request first (audited)',
        querystring: EnrolmentListQuery,
        response: { 200: EnrolmentList, ...errors },
      },
    },
    async (request) => enrolments.list(db, contextOf(request), request.query),
  );

  app.post(
    '/api/training/enrolments',
    {
      schema: {
        tags,
        summary: 'Record a woman’s request or a staff referral for a program (one open request per program)',
        body: CreateEnrolmentRequest,
        response: { 201: Enrolment, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await enrolments.create(db, contextOf(request), request.body)),
  );

  app.post(
    '/api/training/enrolments/:enrolmentId/decision',
    {
      schema: {
        tags,
        summary: 'Approve a pending request, or decline a waiting one with a reason',
        params: EnrolmentParams,
        body: EnrolmentDecisionRequest,
        response: { 200: Enrolment, ...errors },
      },
    },
    async (request) => enrolments.decide(db, contextOf(request), request.params.enrolmentId, request.body),
  );

  app.post(
    '/api/training/enrolments/:enrolmentId/withdraw',
    {
      schema: {
        tags,
        summary: 'She withdraws a waiting request (pending or approved)',
        params: EnrolmentParams,
        body: WithdrawEnrolmentRequest,
        response: { 200: Enrolment, ...errors },
      },
    },
    async (request) => enrolments.withdraw(db, contextOf(request), request.params.enrolmentId, request.body),
  );

  app.post(
    '/api/training/enrolments/:enrolmentId/deallocate',
    {
      schema: {
        tags,
        summary: 'End an allocation before the cohort completes, with a reason',
        params: EnrolmentParams,
        body: DeallocateRequest,
        response: { 200: Enrolment, ...errors },
      },
    },
    async (request) =>
      enrolments.deallocate(db, contextOf(request), request.params.enrolmentId, request.body),
  );

  app.post(
    '/api/training/cohorts/:cohortId/suitability',
    {
      schema: {
        tags,
        summary: 'Suitability checks of the selected enrolments for a cohort, before allocating',
        params: CohortParams,
        body: SuitabilityRequest,
        response: { 200: SuitabilityList, ...errors },
      },
    },
    async (request) => enrolments.suitability(db, contextOf(request), request.params.cohortId, request.body),
  );

  app.post(
    '/api/training/cohorts/:cohortId/allocations',
    {
      schema: {
        tags,
        summary:
          'Allocate enrolments to a cohort in one transaction; per-item outcome, never beyond capacity',
        params: CohortParams,
        body: AllocationRequest,
        response: { 200: AllocationResult, ...errors },
      },
    },
    async (request) => enrolments.allocate(db, contextOf(request), request.params.cohortId, request.body),
  );
};
