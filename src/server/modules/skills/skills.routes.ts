import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { errorResponses } from '../../../shared/errors.ts';
import {
  CreateSkillRequest,
  Skill,
  SkillListQuery,
  SkillParams,
  SkillTaxonomy,
  UpdateSkillRequest,
} from '../../../shared/skills.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as skills from './skills.service.ts';

const tags = ['training'];
const errors = errorResponses(400, 401, 403, 404, 409);

export const skillRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/skills',
    {
      schema: {
        tags,
        summary:
          'The skills taxonomy by sector (includeInactive=true: also deactivated skills, administrators only)',
        querystring: SkillListQuery,
        response: { 200: SkillTaxonomy, ...errorResponses(400, 401) },
      },
    },
    async (request) => skills.list(db, contextOf(request), request.query),
  );

  app.post(
    '/api/skills',
    {
      schema: {
        tags,
        summary: 'Add a skill to the taxonomy (administrators)',
        body: CreateSkillRequest,
        response: { 201: Skill, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await skills.create(db, contextOf(request), request.body)),
  );

  app.patch(
    '/api/skills/:skillId',
    {
      schema: {
        tags,
        summary: 'Change or deactivate a skill (administrators; send the version read)',
        params: SkillParams,
        body: UpdateSkillRequest,
        response: { 200: Skill, ...errors },
      },
    },
    async (request) => skills.update(db, contextOf(request), request.params.skillId, request.body),
  );
};
