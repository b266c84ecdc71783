import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { errorResponses } from '../../../shared/errors.ts';
import {
  ActivityReport,
  ActivityReportList,
  ActivityReportListQuery,
  ActivityReportParams,
  CreateActivityReportRequest,
  FinalizeActivityReportRequest,
  GovernanceOverview,
  GovernanceOverviewQuery,
  MyActionItems,
  MyActionItemsQuery,
  UpdateActivityReportRequest,
} from '../../../shared/governance.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as governance from './governance.service.ts';

const tags = ['governance'];

export const governanceRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/governance/overview',
    {
      schema: {
        tags,
        summary:
          'Tata kelola overview: action items of the meetings the caller sees, by owner organization and paged (overdue first); agreements by effective status and the signed ones by expiry',
        querystring: GovernanceOverviewQuery,
        response: { 200: GovernanceOverview, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => governance.overview(db, contextOf(request), request.query),
  );

  app.get(
    '/api/governance/my-action-items',
    {
      schema: {
        tags,
        summary: 'The caller’s own open and in-progress action items, overdue first (the home card)',
        querystring: MyActionItemsQuery,
        response: { 200: MyActionItems, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => governance.myItems(db, contextOf(request), request.query),
  );

  app.get(
    '/api/governance/activity-reports',
    {
      schema: {
        tags,
        summary: 'The activity reports of the caller’s organization, newest first',
        querystring: ActivityReportListQuery,
        response: { 200: ActivityReportList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => governance.listActivityReports(db, contextOf(request), request.query),
  );

  app.post(
    '/api/governance/activity-reports',
    {
      schema: {
        tags,
        summary:
          'A new draft activity report from a meeting or a work-plan activity, filled from templates (audited)',
        body: CreateActivityReportRequest,
        response: { 201: ActivityReport, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await governance.createActivityReport(db, contextOf(request), request.body)),
  );

  app.get(
    '/api/governance/activity-reports/:reportId',
    {
      schema: {
        tags,
        summary: 'One activity report of the caller’s organization',
        params: ActivityReportParams,
        response: { 200: ActivityReport, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => governance.getActivityReport(db, contextOf(request), request.params.reportId),
  );

  app.put(
    '/api/governance/activity-reports/:reportId',
    {
      schema: {
        tags,
        summary: 'Saves a draft activity report (optimistic version; audited with the changed fields)',
        params: ActivityReportParams,
        body: UpdateActivityReportRequest,
        response: { 200: ActivityReport, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      governance.updateActivityReport(db, contextOf(request), request.params.reportId, request.body),
  );

  app.post(
    '/api/governance/activity-reports/:reportId/finalize',
    {
      schema: {
        tags,
        summary: 'Makes a draft activity report final: no more changes (audited)',
        params: ActivityReportParams,
        body: FinalizeActivityReportRequest,
        response: { 200: ActivityReport, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      governance.finalizeActivityReport(db, contextOf(request), request.params.reportId, request.body),
  );

  app.get(
    '/api/governance/activity-reports/:reportId/pdf',
    {
      schema: {
        tags,
        summary:
          'The activity report as PDF, labels in the caller’s language (audited activity_report.exported)',
        params: ActivityReportParams,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('PDF'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { buffer, disposition } = await governance.exportActivityReportPdf(
        db,
        contextOf(request),
        request.params.reportId,
      );
      return reply.type('application/pdf').header('content-disposition', disposition).send(buffer);
    },
  );
};
