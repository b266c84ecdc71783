import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { errorResponses } from '../../../../shared/errors.ts';
import { PersonIdParams } from '../../../../shared/people.ts';
import { PersonTraining } from '../../../../shared/personTraining.ts';
import type { Database } from '../../../db/schema.ts';
import { contextOf } from '../../../platform/access.ts';
import * as personTraining from './person-training.service.ts';

export const personTrainingRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/people/:personId/training',
    {
      schema: {
        tags: ['people', 'training'],
        summary:
          'A person’s skills with their evidence and her training history (outside corrections: under consent, completed only)',
        params: PersonIdParams,
        response: { 200: PersonTraining, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => personTraining.get(db, contextOf(request), request.params.personId),
  );
};
