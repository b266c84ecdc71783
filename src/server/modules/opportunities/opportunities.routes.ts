import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { errorResponses } from '../../../shared/errors.ts';
import {
  CreateOpportunityRequest,
  Opportunity,
  OpportunityList,
  OpportunityListQuery,
  OpportunityParams,
  OpportunityRestrictionsRequest,
  OpportunityStatusRequest,
  UpdateOpportunityRequest,
} from '../../../shared/opportunities.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as opportunities from './opportunities.service.ts';

const tags = ['opportunities'];
const errors = errorResponses(400, 401, 403, 404, 409);

export const opportunityRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/opportunities',
    {
      schema: {
        tags,
        summary:
          'Opportunities the caller may see (a partner: her organization’s), with places, people placed and places left',
        querystring: OpportunityListQuery,
        response: { 200: OpportunityList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => opportunities.list(db, contextOf(request), request.query),
  );

  app.post(
    '/api/opportunities',
    {
      schema: {
        tags,
        summary:
          'Create an opportunity: kelurahan/kecamatan staff for a partner in a kelurahan they manage (draft or open); a partner a draft of her own',
        body: CreateOpportunityRequest,
        response: { 201: Opportunity, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await opportunities.create(db, contextOf(request), request.body)),
  );

  app.get(
    '/api/opportunities/:opportunityId',
    {
      schema: {
        tags,
        summary: 'One opportunity with its skills (restrictions only for callers who are not a partner)',
        params: OpportunityParams,
        response: { 200: Opportunity, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => opportunities.get(db, contextOf(request), request.params.opportunityId),
  );

  app.patch(
    '/api/opportunities/:opportunityId',
    {
      schema: {
        tags,
        summary:
          'Change an opportunity (staff of its kelurahan; its partner while a draft); skills when sent replace the list (send the version read)',
        params: OpportunityParams,
        body: UpdateOpportunityRequest,
        response: { 200: Opportunity, ...errors },
      },
    },
    async (request) =>
      opportunities.update(db, contextOf(request), request.params.opportunityId, request.body),
  );

  app.post(
    '/api/opportunities/:opportunityId/status',
    {
      schema: {
        tags,
        summary: 'Open a draft, close (with a reason) or reopen an opportunity (staff of its kelurahan)',
        params: OpportunityParams,
        body: OpportunityStatusRequest,
        response: { 200: Opportunity, ...errors },
      },
    },
    async (request) =>
      opportunities.changeStatus(db, contextOf(request), request.params.opportunityId, request.body),
  );

  app.put(
    '/api/opportunities/:opportunityId/restrictions',
    {
      schema: {
        tags,
        summary: 'Review the restrictions of an opportunity (corrections staff)',
        params: OpportunityParams,
        body: OpportunityRestrictionsRequest,
        response: { 200: Opportunity, ...errors },
      },
    },
    async (request) =>
      opportunities.reviewRestrictions(db, contextOf(request), request.params.opportunityId, request.body),
  );
};
