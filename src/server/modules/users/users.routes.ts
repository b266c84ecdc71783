import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { IdParams } from '../../../shared/common.ts';
import { ErrorResponse, errorResponses } from '../../../shared/errors.ts';
import {
  CreateUserRequest,
  ResetPasswordResponse,
  RoleList,
  UpdateUserRequest,
  UserList,
  UserListQuery,
  UserSummary,
} from '../../../shared/users.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import type { Sessions } from '../../platform/auth/session.ts';
import * as users from './users.service.ts';

const tags = ['users'];
const errors = errorResponses(400, 401, 403, 404, 409);

export const userRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database>; sessions: Sessions }> = async (
  app,
  { db, sessions },
) => {
  app.get(
    '/api/roles',
    {
      schema: {
        tags,
        summary: 'Roles, their labels and permissions',
        response: { 200: RoleList, 401: ErrorResponse },
      },
    },
    async (request) => users.roles(db, contextOf(request)),
  );

  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Users within the caller’s scope, filtered and paged',
        querystring: UserListQuery,
        response: { 200: UserList, ...errors },
      },
    },
    async (request) => users.list(db, contextOf(request), request.query),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create a user (she must change the initial password at first sign-in)',
        body: CreateUserRequest,
        response: { 201: UserSummary, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await users.create(db, contextOf(request), request.body)),
  );

  app.get(
    '/api/users/:id',
    { schema: { tags, summary: 'One user', params: IdParams, response: { 200: UserSummary, ...errors } } },
    async (request) => users.get(db, contextOf(request), request.params.id),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Edit a user (send the version you read; 409 when it changed meanwhile)',
        params: IdParams,
        body: UpdateUserRequest,
        response: { 200: UserSummary, ...errors },
      },
    },
    async (request) => users.update(db, sessions.cache, contextOf(request), request.params.id, request.body),
  );

  for (const [action, summary, run] of [
    ['deactivate', 'Deactivate a user and end her sessions', users.deactivate],
    ['activate', 'Reactivate a user', users.activate],
    ['unlock', 'Lift a sign-in lock', users.unlock],
  ] as const) {
    app.post(
      `/api/users/:id/${action}`,
      { schema: { tags, summary, params: IdParams, response: { 200: UserSummary, ...errors } } },
      async (request) => run(db, sessions.cache, contextOf(request), request.params.id),
    );
  }

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Set a temporary password (returned once); the user must change it at next sign-in',
        params: IdParams,
        response: { 200: ResetPasswordResponse, ...errors },
      },
    },
    async (request) => users.resetPassword(db, sessions.cache, contextOf(request), request.params.id),
  );
};
