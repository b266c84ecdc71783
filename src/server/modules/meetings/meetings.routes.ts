import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ErrorResponse, errorResponses } from '../../../shared/errors.ts';
import {
  ActionItem,
  ActionItemParams,
  ActionItemProgressRequest,
  CreateActionItemRequest,
  CreateMeetingRequest,
  MAX_PHOTO_BYTES,
  MeetingActionItems,
  MeetingDetail,
  MeetingList,
  MeetingListQuery,
  MeetingParams,
  MeetingPeople,
  MeetingPeopleQuery,
  MeetingPhoto,
  MeetingPhotoParams,
  SaveAttendanceRequest,
  SaveMinutesRequest,
  UpdateActionItemRequest,
  UpdateMeetingRequest,
  UpdatePhotoRequest,
} from '../../../shared/meetings.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import { AppError } from '../../platform/errors.ts';
import { attachmentHeader } from '../../platform/files/media.ts';
import { createDocumentStore } from '../../platform/files/storage.ts';
import { readUpload } from '../../platform/files/upload.ts';
import * as actionItems from './meetings.action-items.ts';
import * as photos from './meetings.photos.ts';
import * as meetings from './meetings.service.ts';

const tags = ['meetings'];
const read = errorResponses(400, 401, 403, 404);
const change = errorResponses(400, 401, 403, 404, 409);

export const meetingRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database>; documentsDir: string }> = async (
  app,
  { db, documentsDir },
) => {
  const store = createDocumentStore(documentsDir);
  // Multipart only in this plugin (photos); busboy stops a file one byte past the limit.
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_PHOTO_BYTES + 1, files: 1, fields: 5, fieldSize: 2000, parts: 6 },
  });

  app.get(
    '/api/meetings',
    {
      schema: {
        tags,
        summary:
          'Meetings the caller’s organization organized or attended (or owns an action item of), newest first',
        querystring: MeetingListQuery,
        response: { 200: MeetingList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => meetings.list(db, contextOf(request), request.query),
  );

  app.get(
    '/api/meetings/people',
    {
      schema: {
        tags,
        summary:
          'Active users to invite or to make owners of an action item (name, position, organization only)',
        querystring: MeetingPeopleQuery,
        response: { 200: MeetingPeople, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => meetings.people(db, contextOf(request), request.query),
  );

  app.post(
    '/api/meetings',
    {
      schema: {
        tags,
        summary:
          'Create a meeting organized by the caller’s organization; the previous meeting’s open action items are carried into its agenda',
        body: CreateMeetingRequest,
        response: { 201: MeetingDetail, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await meetings.create(db, contextOf(request), request.body)),
  );

  app.get(
    '/api/meetings/:meetingId',
    {
      schema: {
        tags,
        summary:
          'One meeting: agenda with minutes, attendees, decisions, action items (own and carried over), photos',
        params: MeetingParams,
        response: { 200: MeetingDetail, ...read },
      },
    },
    async (request) => meetings.get(db, contextOf(request), request.params.meetingId),
  );

  app.put(
    '/api/meetings/:meetingId',
    {
      schema: {
        tags,
        summary:
          'Save the particulars, status, agenda and attendees (rows with id kept, without id added, others removed)',
        params: MeetingParams,
        body: UpdateMeetingRequest,
        response: { 200: MeetingDetail, ...change },
      },
    },
    async (request) => meetings.update(db, contextOf(request), request.params.meetingId, request.body),
  );

  app.put(
    '/api/meetings/:meetingId/minutes',
    {
      schema: {
        tags,
        summary: 'Save the minutes of agenda items and the decisions',
        params: MeetingParams,
        body: SaveMinutesRequest,
        response: { 200: MeetingDetail, ...change },
      },
    },
    async (request) => meetings.saveMinutes(db, contextOf(request), request.params.meetingId, request.body),
  );

  app.put(
    '/api/meetings/:meetingId/attendance',
    {
      schema: {
        tags,
        summary: 'Set attendance (everyone present at once, and/or single attendees)',
        params: MeetingParams,
        body: SaveAttendanceRequest,
        response: { 200: MeetingDetail, ...change },
      },
    },
    async (request) =>
      meetings.saveAttendance(db, contextOf(request), request.params.meetingId, request.body),
  );

  app.get(
    '/api/meetings/:meetingId/action-items',
    {
      schema: {
        tags,
        summary: 'The action items decided in a meeting and those carried into it',
        params: MeetingParams,
        response: { 200: MeetingActionItems, ...read },
      },
    },
    async (request) => actionItems.ofMeeting(db, contextOf(request), request.params.meetingId),
  );

  app.post(
    '/api/meetings/:meetingId/action-items',
    {
      schema: {
        tags,
        summary: 'Add an action item (owner organization and person, due date); the owner user is notified',
        params: MeetingParams,
        body: CreateActionItemRequest,
        response: { 201: ActionItem, ...change },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await actionItems.create(db, contextOf(request), request.params.meetingId, request.body)),
  );

  app.put(
    '/api/action-items/:actionItemId',
    {
      schema: {
        tags,
        summary: 'Edit an action item (the organizer’s staff)',
        params: ActionItemParams,
        body: UpdateActionItemRequest,
        response: { 200: ActionItem, ...change },
      },
    },
    async (request) => actionItems.update(db, contextOf(request), request.params.actionItemId, request.body),
  );

  app.post(
    '/api/action-items/:actionItemId/progress',
    {
      schema: {
        tags,
        summary:
          'Update an action item’s status and progress note (the owner organization’s or organizer’s staff)',
        params: ActionItemParams,
        body: ActionItemProgressRequest,
        response: { 200: ActionItem, ...change },
      },
    },
    async (request) =>
      actionItems.progress(db, contextOf(request), request.params.actionItemId, request.body),
  );

  app.post(
    '/api/meetings/:meetingId/photos',
    {
      schema: {
        tags,
        summary: 'Add a photo (multipart: file, caption). JPEG or PNG by content, at most 10 MB',
        consumes: ['multipart/form-data'],
        params: MeetingParams,
        response: { 201: MeetingPhoto, 413: ErrorResponse, 415: ErrorResponse, ...change },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      if (!request.isMultipart()) throw new AppError(415, 'MEETING_MULTIPART_REQUIRED');
      const created = await photos.upload(db, store, ctx, request.params.meetingId, () =>
        readUpload(request, store, MAX_PHOTO_BYTES),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/meetings/:meetingId/photos/:fileId/content',
    {
      schema: {
        tags,
        summary: 'Download a photo (as an attachment; audited)',
        params: MeetingPhotoParams,
        response: { 200: z.unknown().meta({ description: 'The photo: JPEG or PNG' }), ...read },
      },
    },
    async (request, reply) => {
      const file = await photos.download(
        db,
        store,
        contextOf(request),
        request.params.meetingId,
        request.params.fileId,
      );
      return reply.headers(file.headers).send(file.stream);
    },
  );

  app.put(
    '/api/meetings/:meetingId/photos/:fileId',
    {
      schema: {
        tags,
        summary: 'Change a photo’s caption',
        params: MeetingPhotoParams,
        body: UpdatePhotoRequest,
        response: { 200: MeetingPhoto, ...change },
      },
    },
    async (request) =>
      photos.updateCaption(
        db,
        contextOf(request),
        request.params.meetingId,
        request.params.fileId,
        request.body,
      ),
  );

  app.delete(
    '/api/meetings/:meetingId/photos/:fileId',
    {
      schema: {
        tags,
        summary: 'Remove a photo (kept for the audit trail)',
        params: MeetingPhotoParams,
        response: { 204: z.null(), ...change },
      },
    },
    async (request, reply) => {
      await photos.remove(db, contextOf(request), request.params.meetingId, request.params.fileId);
      return reply.status(204).send(null);
    },
  );

  for (const [document, path, summary] of [
    [
      'notulen',
      'notulen.pdf',
      'The minutes (notulen) as PDF: particulars, attendees present, agenda with minutes, decisions, action items, signatures',
    ],
    [
      'daftar_hadir',
      'daftar-hadir.pdf',
      'The attendance list (daftar hadir) as PDF, with a signature column; guests included',
    ],
  ] as const) {
    app.get(
      `/api/meetings/:meetingId/${path}`,
      {
        schema: {
          tags,
          summary,
          params: MeetingParams,
          produces: ['application/pdf'],
          response: { 200: z.any().describe('PDF'), ...read },
        },
      },
      async (request, reply) => {
        const { buffer, fileName } = await meetings.print(
          db,
          contextOf(request),
          request.params.meetingId,
          document,
        );
        return reply
          .type('application/pdf')
          .header('content-disposition', attachmentHeader(fileName))
          .send(buffer);
      },
    );
  }
};
