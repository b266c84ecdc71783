import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import scalar from '@scalar/fastify-api-reference';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/connect.ts';
import { agreementRoutes } from './modules/agreements/agreements.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes, type LoginRateLimit } from './modules/auth/auth.routes.ts';
import { consentRoutes } from './modules/consents/consents.routes.ts';
import { documentRoutes } from './modules/documents/documents.routes.ts';
import { governanceRoutes } from './modules/governance/governance.routes.ts';
import { handoverRoutes } from './modules/handovers/handovers.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { insightRoutes } from './modules/insight/insight.routes.ts';
import { publicInsightRoutes } from './modules/insight/public.routes.ts';
import { reportRoutes } from './modules/insight/report.routes.ts';
import { matchingRoutes } from './modules/matching/matching.routes.ts';
import { meetingRoutes } from './modules/meetings/meetings.routes.ts';
import { noteRoutes } from './modules/notes/notes.routes.ts';
import { registerMailOutbox } from './modules/notifications/notifications.mail.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { opportunityRoutes } from './modules/opportunities/opportunities.routes.ts';
import { opportunityImportRoutes } from './modules/opportunity-import/opportunity-import.routes.ts';
import { organizationRoutes } from './modules/organizations/organizations.routes.ts';
import { outcomeRoutes } from './modules/outcomes/outcomes.routes.ts';
import { partnerRoutes } from './modules/partners/partners.routes.ts';
import { peopleExportRoutes } from './modules/people/export/people-export.routes.ts';
import { peopleImportRoutes } from './modules/people/import/people-import.routes.ts';
import { peopleRoutes } from './modules/people/people.routes.ts';
import { retentionRoutes } from './modules/people/retention/retention.routes.ts';
import { placementRoutes } from './modules/placements/placements.routes.ts';
import { planningRoutes } from './modules/planning/planning.routes.ts';
import { planRoutes } from './modules/plans/plans.routes.ts';
import { prereleaseRoutes } from './modules/prerelease/prerelease.routes.ts';
import { regionRoutes } from './modules/regions/regions.routes.ts';
import { reintegrationRoutes } from './modules/reintegration/reintegration.routes.ts';
import { ruleRoutes } from './modules/rules/rules.routes.ts';
import { skillRoutes } from './modules/skills/skills.routes.ts';
import { supervisionRoutes } from './modules/supervision/supervision.routes.ts';
import { taskRoutes } from './modules/tasks/tasks.routes.ts';
import { attendanceRoutes } from './modules/training/attendance/attendance.routes.ts';
import { cohortRoutes } from './modules/training/cohorts/cohorts.routes.ts';
import { enrolmentRoutes } from './modules/training/enrolments/enrolments.routes.ts';
import { personTrainingRoutes } from './modules/training/person/person-training.routes.ts';
import { programRoutes } from './modules/training/programs/programs.routes.ts';
import { resultRoutes } from './modules/training/results/results.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { villageRoutes } from './modules/villages/villages.routes.ts';
import { workPlanRoutes } from './modules/workplans/workplans.routes.ts';
import { createSessions, registerSessions } from './platform/auth/session.ts';
import { languageOf, registerErrorHandling, sendNotFound } from './platform/errors.ts';
import { message } from './platform/messages.ts';

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  /** Folder of the built web app; served when it exists. */
  webRoot?: string;
  logger?: FastifyServerOptions['logger'];
  /** Sign-in attempts allowed per address and username in a minute. */
  loginRateLimit?: LoginRateLimit;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const VERSION: string = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

/** Believe this many proxy hops of X-Forwarded-For (Fastify's types take no plain count). */
function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

/** Builds the application with everything wired; never listens (tests inject, main.ts listens). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const db = database.db;
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: 1024 * 1024,
    // A correlation id per request, made here: a caller must not be able to tie her entries to another's.
    genReqId: () => randomUUID(),
    return503OnClosing: true,
  });
  // One per application: its cache is what every service forgets a changed user in.
  const sessions = createSessions(config);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain body is refused with 415 instead of reaching validation as a string.
  app.removeContentTypeParser('text/plain');

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-correlation-id', request.id);
    if ((request.routeOptions.url ?? request.url).startsWith('/api/'))
      reply.header('cache-control', 'no-store');
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets inline style attributes; scripts stay strictly same-origin.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (request) => ({
      statusCode: 429,
      error: {
        code: 'RATE_LIMITED',
        message: message('RATE_LIMITED', languageOf(request)),
      },
    }),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sinergi API',
        version: VERSION,
        description:
          'Sistem informasi program Desa Binaan Semarang. Sign in with POST /api/auth/login; send the csrfToken ' +
          'from the answer as the X-CSRF-Token header on every POST, PATCH, PUT and DELETE.',
      },
      tags: [
        { name: 'auth', description: 'Sign-in, sessions and the signed-in user' },
        { name: 'health', description: 'Liveness' },
        { name: 'organizations', description: 'Organizations of the program' },
        { name: 'users', description: 'Users and roles' },
        { name: 'audit', description: 'The append-only audit log' },
      ],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessions.cookieName },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(async (docs) => {
    // The reference page's own script configures itself inline: allowed on this page only.
    docs.addHook('onSend', async (_request, reply) => {
      reply.header(
        'content-security-policy',
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; object-src 'none'",
      );
    });
    await docs.register(scalar, {
      routePrefix: '/api/docs',
      configuration: { url: '/api/openapi.json', withDefaultFonts: false },
    });
  });

  registerErrorHandling(app);
  registerSessions(app, db, sessions);
  registerMailOutbox(app, db, config);

  await app.register(healthRoutes, { db, databaseKind: database.kind, version: VERSION, demo: config.demo });
  await app.register(authRoutes, {
    db,
    sessions,
    demo: config.demo,
    loginRateLimit: deps.loginRateLimit ?? { maxPerAddress: 30, timeWindow: 60_000 },
  });
  await app.register(organizationRoutes, { db });
  await app.register(userRoutes, { db, sessions });
  await app.register(ruleRoutes, { db });
  await app.register(regionRoutes);
  await app.register(auditRoutes, { db });
  await app.register(noteRoutes, { db });
  await app.register(documentRoutes, { db, documentsDir: config.documentsDir });
  await app.register(consentRoutes, { db });
  await app.register(peopleRoutes, { db });
  await app.register(peopleImportRoutes, { db });
  await app.register(peopleExportRoutes, { db });
  await app.register(retentionRoutes, { db, documentsDir: config.documentsDir });
  await app.register(skillRoutes, { db });
  await app.register(programRoutes, { db });
  await app.register(personTrainingRoutes, { db });
  await app.register(cohortRoutes, { db });
  await app.register(enrolmentRoutes, { db });
  await app.register(attendanceRoutes, { db });
  await app.register(resultRoutes, { db });
  await app.register(villageRoutes, { db });
  await app.register(partnerRoutes, { db });
  await app.register(opportunityRoutes, { db });
  await app.register(opportunityImportRoutes, { db });
  await app.register(placementRoutes, { db });
  await app.register(matchingRoutes, { db });
  await app.register(planRoutes, { db });
  await app.register(planningRoutes, { db });
  await app.register(reintegrationRoutes, { db });
  await app.register(handoverRoutes, { db });
  await app.register(prereleaseRoutes, { db });
  await app.register(agreementRoutes, { db, documentsDir: config.documentsDir });
  await app.register(workPlanRoutes, { db });
  await app.register(meetingRoutes, { db, documentsDir: config.documentsDir });
  await app.register(governanceRoutes, { db });
  await app.register(insightRoutes, { db });
  await app.register(publicInsightRoutes, { db });
  await app.register(reportRoutes, { db });
  await app.register(supervisionRoutes, { db });
  await app.register(outcomeRoutes, { db });
  await app.register(taskRoutes, { db });
  await app.register(notificationRoutes, { db });

  const webRoot = deps.webRoot ?? path.join(ROOT, 'dist/web');
  const indexHtml = existsSync(path.join(webRoot, 'index.html'))
    ? readFileSync(path.join(webRoot, 'index.html'))
    : null;
  const sendIndex = (reply: FastifyReply, html: Buffer) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  if (indexHtml) {
    await app.register(fastifyStatic, { root: webRoot, index: false });
    // The root is a directory to the static plugin, which refuses to list it: the app's home page instead.
    app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply, indexHtml));
  }
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: every other page address (GET, outside /api, no file extension) gets it.
    const pathname = request.url.split('?')[0] ?? '';
    if (indexHtml && request.method === 'GET' && !pathname.startsWith('/api/') && !path.extname(pathname)) {
      return sendIndex(reply, indexHtml);
    }
    return sendNotFound(request, reply);
  });
  return app;
}
