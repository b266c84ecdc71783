import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { errorResponses } from '../../../shared/errors.ts';
import { TaskList, TaskListQuery, TaskSummary } from '../../../shared/tasks.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as tasks from './tasks.service.ts';

const tags = ['tasks'];

export const taskRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/tasks',
    {
      schema: {
        tags,
        summary:
          'The work waiting for the caller, derived from the records (plans, handovers, visits, escalations, outcome checks): overdue first; audited with the people shown',
        querystring: TaskListQuery,
        response: { 200: TaskList, ...errorResponses(400, 401) },
      },
    },
    async (request) => tasks.list(db, contextOf(request), request.query),
  );

  app.get(
    '/api/tasks/summary',
    {
      schema: {
        tags,
        summary: 'How many tasks of each kind the caller has (the kinds of her role, zeros included)',
        response: { 200: TaskSummary, ...errorResponses(401) },
      },
    },
    async (request) => tasks.summary(db, contextOf(request)),
  );
};
