import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  AGREEMENT_SCAN_MAX_BYTES,
  AgreeAgreementRequest,
  AgreementDelegate,
  AgreementDelegateList,
  AgreementDelegateParams,
  AgreementDetail,
  AgreementDiff,
  AgreementDiffQuery,
  AgreementList,
  AgreementListQuery,
  AgreementObligationParams,
  AgreementObligationView,
  AgreementParams,
  AgreementPdfQuery,
  AgreementsMe,
  AgreementText,
  AgreementVersionParams,
  CreateAgreementRequest,
  NameDelegateRequest,
  RequestAgreementChangesRequest,
  SaveAgreementPartiesRequest,
  SaveAgreementTextRequest,
  TerminateAgreementRequest,
  UpdateObligationRequest,
  VersionRequest,
} from '../../../shared/agreements.ts';
import { ErrorResponse, errorResponses } from '../../../shared/errors.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import { AppError } from '../../platform/errors.ts';
import { createDocumentStore } from '../../platform/files/storage.ts';
import { readUpload } from '../../platform/files/upload.ts';
import * as delegates from './agreements.delegates.ts';
import * as agreements from './agreements.service.ts';

const tags = ['agreements'];
const change = { 200: AgreementDetail, ...errorResponses(400, 401, 403, 404, 409) };

export const agreementRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database>; documentsDir: string }> = async (
  app,
  { db, documentsDir },
) => {
  const store = createDocumentStore(documentsDir);
  // Multipart only here (the plugin is encapsulated) for the signed scan; one file, ≤ 10 MB (+1 byte to see
  // an oversized upload without storing it).
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: AGREEMENT_SCAN_MAX_BYTES + 1, files: 1, fields: 10, fieldSize: 2000, parts: 12 },
  });

  app.get(
    '/api/agreements',
    {
      schema: {
        tags,
        summary:
          'Agreements (MoU / PKS) the caller’s organization is party to, by expiry, filtered by kind, effective status, expiry within N days, title',
        querystring: AgreementListQuery,
        response: { 200: AgreementList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => agreements.list(db, contextOf(request), request.query),
  );

  app.get(
    '/api/agreements/me',
    {
      schema: {
        tags,
        summary:
          'Whether the caller manages agreements, is a head or a delegate, and may act for her organization',
        response: { 200: AgreementsMe, ...errorResponses(401, 403) },
      },
    },
    async (request) => agreements.me(db, contextOf(request)),
  );

  app.post(
    '/api/agreements',
    {
      schema: {
        tags,
        summary:
          'Draft an MoU, or a PKS under an MoU, with its parties, clauses and obligations (text version 1)',
        body: CreateAgreementRequest,
        response: { 201: AgreementDetail, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await agreements.create(db, contextOf(request), request.body)),
  );

  app.get(
    '/api/agreements/:agreementId',
    {
      schema: {
        tags,
        summary:
          'An agreement with parties, clauses, obligations, PKS under it, events, versions and the caller’s actions (audited)',
        params: AgreementParams,
        response: { 200: AgreementDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => agreements.detail(db, contextOf(request), request.params.agreementId),
  );

  app.put(
    '/api/agreements/:agreementId/text',
    {
      schema: {
        tags,
        summary:
          'Save the text; a different text is a new version and the parties that agreed an older one are asked again',
        params: AgreementParams,
        body: SaveAgreementTextRequest,
        response: change,
      },
    },
    async (request) => agreements.saveText(db, contextOf(request), request.params.agreementId, request.body),
  );

  app.put(
    '/api/agreements/:agreementId/parties',
    {
      schema: {
        tags,
        summary: 'Save the parties (order, signatories, document numbers) and the planned term',
        params: AgreementParams,
        body: SaveAgreementPartiesRequest,
        response: change,
      },
    },
    async (request) =>
      agreements.saveParties(db, contextOf(request), request.params.agreementId, request.body),
  );

  app.post(
    '/api/agreements/:agreementId/submit',
    {
      schema: {
        tags,
        summary: 'Submit a draft for review by every party',
        params: AgreementParams,
        body: VersionRequest,
        response: change,
      },
    },
    async (request) => agreements.submit(db, contextOf(request), request.params.agreementId, request.body),
  );

  app.post(
    '/api/agreements/:agreementId/agree',
    {
      schema: {
        tags,
        summary: 'Agree the current text for the caller’s party (its head or a delegate)',
        params: AgreementParams,
        body: AgreeAgreementRequest,
        response: change,
      },
    },
    async (request) => agreements.agree(db, contextOf(request), request.params.agreementId, request.body),
  );

  app.post(
    '/api/agreements/:agreementId/request-changes',
    {
      schema: {
        tags,
        summary: 'Ask for changes to the text for the caller’s party (its head or a delegate), with a note',
        params: AgreementParams,
        body: RequestAgreementChangesRequest,
        response: change,
      },
    },
    async (request) =>
      agreements.requestChanges(db, contextOf(request), request.params.agreementId, request.body),
  );

  app.post(
    '/api/agreements/:agreementId/sign',
    {
      schema: {
        tags,
        summary:
          'Sign an agreed agreement (multipart: signedOn, signedPlace, validFrom, validUntil, version, file = the scan: PDF, JPEG or PNG, ≤ 10 MB)',
        consumes: ['multipart/form-data'],
        params: AgreementParams,
        response: { ...change, 413: ErrorResponse, 415: ErrorResponse },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      if (!request.isMultipart()) throw new AppError(415, 'AGREEMENT_MULTIPART_REQUIRED');
      return agreements.sign(
        db,
        store,
        ctx,
        request.params.agreementId,
        () => readUpload(request, store, AGREEMENT_SCAN_MAX_BYTES),
        AGREEMENT_SCAN_MAX_BYTES,
      );
    },
  );

  app.get(
    '/api/agreements/:agreementId/scan',
    {
      schema: {
        tags,
        summary: 'Download the signed scan (as an attachment; audited)',
        params: AgreementParams,
        response: {
          200: z.unknown().meta({ description: 'The scan: PDF, JPEG or PNG' }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const file = await agreements.downloadScan(db, store, contextOf(request), request.params.agreementId);
      return reply.headers(file.headers).send(file.stream);
    },
  );

  app.post(
    '/api/agreements/:agreementId/terminate',
    {
      schema: {
        tags,
        summary: 'Terminate a signed agreement (head or delegate of a party) with a date and a reason',
        params: AgreementParams,
        body: TerminateAgreementRequest,
        response: change,
      },
    },
    async (request) => agreements.terminate(db, contextOf(request), request.params.agreementId, request.body),
  );

  app.post(
    '/api/agreements/:agreementId/renew',
    {
      schema: {
        tags,
        summary:
          'Start the renewal of a signed agreement: a new draft copying its parties, clauses and obligations',
        params: AgreementParams,
        body: VersionRequest,
        response: { 201: AgreementDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await agreements.renew(db, contextOf(request), request.params.agreementId, request.body)),
  );

  app.post(
    '/api/agreements/:agreementId/discard',
    {
      schema: {
        tags,
        summary:
          'Discard a draft or an agreement under review (manage staff of the drafting organization): read-only afterwards',
        params: AgreementParams,
        body: VersionRequest,
        response: change,
      },
    },
    async (request) => agreements.discard(db, contextOf(request), request.params.agreementId, request.body),
  );

  app.put(
    '/api/agreements/:agreementId/obligations/:obligationId',
    {
      schema: {
        tags,
        summary: 'Update the status and note of an obligation of the caller’s organization',
        params: AgreementObligationParams,
        body: UpdateObligationRequest,
        response: { 200: AgreementObligationView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      agreements.updateObligation(
        db,
        contextOf(request),
        request.params.agreementId,
        request.params.obligationId,
        request.body,
      ),
  );

  app.get(
    '/api/agreements/:agreementId/versions/:number',
    {
      schema: {
        tags,
        summary: 'One text version of an agreement (its snapshot)',
        params: AgreementVersionParams,
        response: { 200: AgreementText, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      agreements.textVersion(db, contextOf(request), request.params.agreementId, request.params.number),
  );

  app.get(
    '/api/agreements/:agreementId/diff',
    {
      schema: {
        tags,
        summary: 'The word-level differences between two text versions, section by section',
        params: AgreementParams,
        querystring: AgreementDiffQuery,
        response: { 200: AgreementDiff, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      agreements.diff(
        db,
        contextOf(request),
        request.params.agreementId,
        request.query.from,
        request.query.to,
      ),
  );

  app.get(
    '/api/agreements/:agreementId/pdf',
    {
      schema: {
        tags,
        summary:
          'The agreement as PDF (the text to sign), in Indonesian or English (default: the caller’s; audited)',
        params: AgreementParams,
        querystring: AgreementPdfQuery,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('PDF'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { buffer, disposition } = await agreements.exportPdf(
        db,
        ctx,
        request.params.agreementId,
        request.query.language ?? ctx.principal.language,
      );
      return reply.type('application/pdf').header('content-disposition', disposition).send(buffer);
    },
  );

  app.get(
    '/api/agreement-delegates',
    {
      schema: {
        tags,
        summary: 'The delegates of the caller’s organization and whom its head may name',
        response: { 200: AgreementDelegateList, ...errorResponses(401, 403) },
      },
    },
    async (request) => delegates.listOfOrganization(db, contextOf(request)),
  );

  app.post(
    '/api/agreement-delegates',
    {
      schema: {
        tags,
        summary:
          'Name a staff member who may agree and sign agreements for the organization (its head; audited)',
        body: NameDelegateRequest,
        response: { 201: AgreementDelegate, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await delegates.name(db, contextOf(request), request.body)),
  );

  app.post(
    '/api/agreement-delegates/:delegateId/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a delegate of the organization (its head; audited)',
        params: AgreementDelegateParams,
        response: { 200: AgreementDelegate, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => delegates.revoke(db, contextOf(request), request.params.delegateId),
  );
};
