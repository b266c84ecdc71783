import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { errorResponses } from '../../../../shared/errors.ts';
import {
  CreateProgramRequest,
  InstructorOptions,
  InstructorOptionsQuery,
  Program,
  ProgramList,
  ProgramListQuery,
  ProgramParams,
  UpdateProgramRequest,
} from '../../../../shared/programs.ts';
import type { Database } from '../../../db/schema.ts';
import { contextOf } from '../../../platform/access.ts';
import * as programs from './programs.service.ts';

const tags = ['training'];
const errors = errorResponses(400, 401, 403, 404, 409);

export const programRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/training/programs',
    {
      schema: {
        tags,
        summary: 'The catalogue of the caller’s prison: programs with skills, open cohorts and waitlist',
        querystring: ProgramListQuery,
        response: { 200: ProgramList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => programs.list(db, contextOf(request), request.query),
  );

  app.get(
    '/api/training/programs/:programId',
    {
      schema: {
        tags,
        summary: 'One program of the caller’s prison with its instructors, units and eligibility rules',
        params: ProgramParams,
        response: { 200: Program, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => programs.get(db, contextOf(request), request.params.programId),
  );

  app.post(
    '/api/training/programs',
    {
      schema: {
        tags,
        summary: 'Add a program to the caller’s prison’s catalogue (training managers)',
        body: CreateProgramRequest,
        response: { 201: Program, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await programs.create(db, contextOf(request), request.body)),
  );

  app.patch(
    '/api/training/programs/:programId',
    {
      schema: {
        tags,
        summary:
          'Change a program; skills, instructors and units when sent replace the lists (send the version read)',
        params: ProgramParams,
        body: UpdateProgramRequest,
        response: { 200: Program, ...errors },
      },
    },
    async (request) => programs.update(db, contextOf(request), request.params.programId, request.body),
  );

  app.get(
    '/api/training/instructor-options',
    {
      schema: {
        tags,
        summary:
          'Users who may be named instructor: the prison’s training managers and the provider partner’s staff',
        querystring: InstructorOptionsQuery,
        response: { 200: InstructorOptions, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => programs.instructorOptions(db, contextOf(request), request.query),
  );
};
