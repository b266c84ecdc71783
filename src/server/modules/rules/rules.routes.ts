import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { errorResponses } from '../../../shared/errors.ts';
import {
  MatchingRuleSet,
  RetentionRuleSet,
  RULE_KINDS,
  RuleKindParams,
  RuleSetHistory,
  RuleSetResponse,
  SaveRuleSetRequest,
  SentenceRuleSet,
} from '../../../shared/sentence.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as rules from './rules.service.ts';

const tags = ['rules'];
const errors = errorResponses(400, 401, 403, 409);
const RESPONSES = {
  sentence: SentenceRuleSet,
  retention: RetentionRuleSet,
  matching: MatchingRuleSet,
} as const;

export const ruleRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/rules/:kind',
    {
      schema: {
        tags,
        summary: 'The rules in force (sentence milestones or retention periods) and their version',
        params: RuleKindParams,
        response: { 200: RuleSetResponse, ...errors },
      },
    },
    async (request) => rules.getRuleSet(db, contextOf(request), request.params.kind),
  );

  app.get(
    '/api/rules/:kind/history',
    {
      schema: {
        tags,
        summary: 'Every version of a kind of rules, newest first',
        params: RuleKindParams,
        response: { 200: RuleSetHistory, ...errors },
      },
    },
    async (request) => rules.ruleHistory(db, contextOf(request), request.params.kind),
  );

  // One route per kind: each validates its own rules, so a bad value is named by its field.
  for (const kind of RULE_KINDS) {
    app.put(
      `/api/rules/${kind}`,
      {
        schema: {
          tags,
          summary: `Save new ${kind} rules as the next version (send the version you read; 409 when it changed)`,
          body: SaveRuleSetRequest[kind],
          response: { 200: RESPONSES[kind], ...errors },
        },
      },
      async (request) => rules.saveRules(db, contextOf(request), kind, request.body),
    );
  }
};
