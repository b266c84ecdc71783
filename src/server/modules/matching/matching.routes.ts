import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { errorResponses } from '../../../shared/errors.ts';
import { PlacementDetail } from '../../../shared/placements.ts';
import {
  CandidatesParams,
  CandidatesQuery,
  CompareQuery,
  MatchComparison,
  MatchDecision,
  MatchDecisionParams,
  MatchDecisionRequest,
  OpportunityCandidates,
  PersonRecommendations,
  PersonRecommendationsParams,
  ProposeFromMatchRequest,
} from '../../../shared/recommendations.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as matching from './matching.service.ts';

const tags = ['matching'];
const reads = errorResponses(400, 401, 403, 404);
const writes = errorResponses(400, 401, 403, 404, 409);

export const matchingRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/people/:personId/recommendations',
    {
      schema: {
        tags,
        summary:
          'The opportunities open now that suit her best, explained; corrections staff also see the pairs a restriction sends to their review (audited)',
        params: PersonRecommendationsParams,
        response: { 200: PersonRecommendations, ...reads },
      },
    },
    async (request) => matching.forPerson(db, contextOf(request), request.params.personId),
  );

  app.get(
    '/api/opportunities/:opportunityId/candidates',
    {
      schema: {
        tags,
        summary:
          'The best candidates for an opportunity among the people the caller may see, explained (audited)',
        params: CandidatesParams,
        querystring: CandidatesQuery,
        response: { 200: OpportunityCandidates, ...reads },
      },
    },
    async (request) =>
      matching.candidates(db, contextOf(request), request.params.opportunityId, request.query.limit),
  );

  app.get(
    '/api/matching/compare',
    {
      schema: {
        tags,
        summary: 'Two opportunities for one woman, side by side, each explained (audited)',
        querystring: CompareQuery,
        response: { 200: MatchComparison, ...reads },
      },
    },
    async (request) => matching.compare(db, contextOf(request), request.query),
  );

  app.post(
    '/api/matching/decisions',
    {
      schema: {
        tags,
        summary:
          'Set a recommendation aside with a reason code, or (corrections staff) clear or refuse a pair a restriction sends to review',
        body: MatchDecisionRequest,
        response: { 201: MatchDecision, ...writes },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await matching.decide(db, contextOf(request), request.body)),
  );

  app.post(
    '/api/matching/decisions/:decisionId/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a standing decision on a pair (kept on record)',
        params: MatchDecisionParams,
        response: { 200: MatchDecision, ...writes },
      },
    },
    async (request) => matching.revoke(db, contextOf(request), request.params.decisionId),
  );

  app.post(
    '/api/matching/proposals',
    {
      schema: {
        tags,
        summary:
          'Propose her from a recommendation: evaluated again now (409 MATCH_NOT_ELIGIBLE naming the failed gate), the score and weights version stored on the placement',
        body: ProposeFromMatchRequest,
        response: { 201: PlacementDetail, ...writes },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await matching.proposeFromMatch(db, contextOf(request), request.body)),
  );
};
