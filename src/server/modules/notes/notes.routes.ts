import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { errorResponses } from '../../../shared/errors.ts';
import {
  CreateNoteRequest,
  Note,
  NoteList,
  NoteListQuery,
  NoteParams,
  UpdateNoteRequest,
} from '../../../shared/notes.ts';
import { PersonIdParams } from '../../../shared/people.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as notes from './notes.service.ts';

const tags = ['people'];
const errors = errorResponses(400, 401, 403, 404, 409);

export const noteRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/people/:personId/notes',
    {
      schema: {
        tags,
        summary: 'Case notes of a person the caller may see, newest first (outside corrections: shared only)',
        params: PersonIdParams,
        querystring: NoteListQuery,
        response: { 200: NoteList, ...errors },
      },
    },
    async (request) => notes.list(db, contextOf(request), request.params.personId, request.query),
  );

  app.post(
    '/api/people/:personId/notes',
    {
      schema: {
        tags,
        summary: 'Add a case note, or a correction of an earlier one (correctsNoteId)',
        params: PersonIdParams,
        body: CreateNoteRequest,
        response: { 201: Note, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await notes.create(db, contextOf(request), request.params.personId, request.body)),
  );

  app.patch(
    '/api/people/:personId/notes/:noteId',
    {
      schema: {
        tags,
        summary: 'Edit the text of one’s own note within 24 hours of writing it (send the version read)',
        params: NoteParams,
        body: UpdateNoteRequest,
        response: { 200: Note, ...errors },
      },
    },
    async (request) =>
      notes.update(db, contextOf(request), request.params.personId, request.params.noteId, request.body),
  );
};
