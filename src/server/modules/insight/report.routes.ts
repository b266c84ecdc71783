import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { errorResponses } from '../../../shared/errors.ts';
import {
  MonthlyReport,
  MonthlyReportQuery,
  ReportOrganizationsResponse,
} from '../../../shared/insightReport.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as reports from './report.service.ts';

// The monthly report (laporan bulanan, issue 9): JSON for the page, PDF and XLSX for printing and sharing.

const tags = ['insight'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const reportRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/insight/reports/organizations',
    {
      schema: {
        tags,
        summary:
          'The organizations the caller may make a monthly report for (her own; every one with read:insight:all)',
        response: { 200: ReportOrganizationsResponse, ...errorResponses(401, 403) },
      },
    },
    async (request) => reports.organizations(db, contextOf(request)),
  );

  app.get(
    '/api/insight/reports/monthly',
    {
      schema: {
        tags,
        summary:
          'The monthly report of one organization: figures from facts dated up to the month’s last day (audited)',
        querystring: MonthlyReportQuery,
        response: { 200: MonthlyReport, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => reports.monthlyReport(db, contextOf(request), request.query),
  );

  app.get(
    '/api/insight/reports/monthly.pdf',
    {
      schema: {
        tags,
        summary: 'The monthly report as PDF on the organization’s letterhead, with charts (audited)',
        querystring: MonthlyReportQuery,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('PDF'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await reports.exportMonthlyReport(db, contextOf(request), request.query, 'pdf');
      return reply.type('application/pdf').header('content-disposition', file.disposition).send(file.buffer);
    },
  );

  app.get(
    '/api/insight/reports/monthly.xlsx',
    {
      schema: {
        tags,
        summary:
          'The monthly report as XLSX (sheets Ringkasan, Pelatihan, Penempatan, Hasil, Tata kelola; audited)',
        querystring: MonthlyReportQuery,
        produces: [XLSX],
        response: { 200: z.any().describe('XLSX workbook'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await reports.exportMonthlyReport(db, contextOf(request), request.query, 'xlsx');
      return reply.type(XLSX).header('content-disposition', file.disposition).send(file.buffer);
    },
  );
};
