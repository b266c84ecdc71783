import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  AttendanceGrid,
  AttendanceSession,
  CohortIdParams,
  RecordAttendanceRequest,
  ReopenAttendanceRequest,
  SessionAttendance,
  SessionParams,
} from '../../../../shared/attendance.ts';
import { errorResponses } from '../../../../shared/errors.ts';
import type { Database } from '../../../db/schema.ts';
import { contextOf } from '../../../platform/access.ts';
import * as attendance from './attendance.service.ts';

const tags = ['training'];
const errors = errorResponses(400, 401, 403, 404, 409);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const attendanceRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/training/cohorts/:cohortId/attendance',
    {
      schema: {
        tags,
        summary: 'The attendance grid of a cohort (people × sessions) with rates per person and cohort',
        params: CohortIdParams,
        response: { 200: AttendanceGrid, ...errors },
      },
    },
    async (request) => attendance.grid(db, contextOf(request), request.params.cohortId),
  );

  app.put(
    '/api/training/cohorts/:cohortId/sessions/:sessionId/attendance',
    {
      schema: {
        tags,
        summary:
          'Record a whole session in one request: everyone allocated is present except the exceptions (replaces earlier marks)',
        params: SessionParams,
        body: RecordAttendanceRequest,
        response: { 200: SessionAttendance, ...errors },
      },
    },
    async (request) =>
      attendance.record(
        db,
        contextOf(request),
        request.params.cohortId,
        request.params.sessionId,
        request.body,
      ),
  );

  app.post(
    '/api/training/cohorts/:cohortId/sessions/:sessionId/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a locked session’s attendance for 48 hours (a supervisor of the prison)',
        params: SessionParams,
        body: ReopenAttendanceRequest,
        response: { 200: AttendanceSession, ...errors },
      },
    },
    async (request) =>
      attendance.reopen(
        db,
        contextOf(request),
        request.params.cohortId,
        request.params.sessionId,
        request.body,
      ),
  );

  app.get(
    '/api/training/cohorts/:cohortId/attendance.xlsx',
    {
      schema: {
        tags,
        summary: 'The roster (sheet Peserta) and the attendance grid (sheet Absensi) as XLSX',
        params: CohortIdParams,
        produces: [XLSX],
        response: { 200: z.any().describe('XLSX workbook'), ...errors },
      },
    },
    async (request, reply) => {
      const { buffer, disposition } = await attendance.exportXlsx(
        db,
        contextOf(request),
        request.params.cohortId,
      );
      return reply.type(XLSX).header('content-disposition', disposition).send(buffer);
    },
  );

  app.get(
    '/api/training/cohorts/:cohortId/sessions/:sessionId/daftar-hadir.pdf',
    {
      schema: {
        tags,
        summary:
          'The printable attendance list (daftar hadir) of one session as PDF; blank remarks for signing when not recorded',
        params: SessionParams,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('PDF'), ...errors },
      },
    },
    async (request, reply) => {
      const { buffer, disposition } = await attendance.exportDaftarHadir(
        db,
        contextOf(request),
        request.params.cohortId,
        request.params.sessionId,
      );
      return reply.type('application/pdf').header('content-disposition', disposition).send(buffer);
    },
  );
};
