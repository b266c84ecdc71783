import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { errorResponses } from '../../../shared/errors.ts';
import {
  CreatePartnerRequest,
  PartnerDetail,
  PartnerList,
  PartnerListQuery,
  PartnerParams,
  UpdatePartnerRequest,
} from '../../../shared/partners.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as partners from './partners.service.ts';

const tags = ['partners'];
const errors = errorResponses(400, 401, 403, 404, 409);

export const partnerRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/partners',
    {
      schema: {
        tags,
        summary: 'The partner directory (a partner’s staff: her own organization only)',
        querystring: PartnerListQuery,
        response: { 200: PartnerList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => partners.list(db, contextOf(request), request.query),
  );

  app.get(
    '/api/partners/:partnerId',
    {
      schema: {
        tags,
        summary: 'One partner with its profile, contacts and agreement',
        params: PartnerParams,
        response: { 200: PartnerDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => partners.get(db, contextOf(request), request.params.partnerId),
  );

  app.post(
    '/api/partners',
    {
      schema: {
        tags,
        summary: 'Add a partner organization with its profile (kecamatan and kelurahan staff)',
        body: CreatePartnerRequest,
        response: { 201: PartnerDetail, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await partners.create(db, contextOf(request), request.body)),
  );

  app.patch(
    '/api/partners/:partnerId',
    {
      schema: {
        tags,
        summary: 'Change a partner the caller manages (send the profile version read; 0 when it has none)',
        params: PartnerParams,
        body: UpdatePartnerRequest,
        response: { 200: PartnerDetail, ...errors },
      },
    },
    async (request) => partners.update(db, contextOf(request), request.params.partnerId, request.body),
  );
};
