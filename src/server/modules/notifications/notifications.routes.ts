import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { errorResponses } from '../../../shared/errors.ts';
import {
  NotificationItem,
  NotificationList,
  NotificationListQuery,
  NotificationParams,
  ReadAllResponse,
  UnreadCount,
} from '../../../shared/notifications.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as notifications from './notifications.service.ts';

const tags = ['notifications'];

export const notificationRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary:
          'The caller’s notifications, newest first; a person’s name only when the caller may see her now',
        querystring: NotificationListQuery,
        response: { 200: NotificationList, ...errorResponses(400, 401) },
      },
    },
    async (request) => notifications.list(db, contextOf(request), request.query),
  );

  app.get(
    '/api/notifications/unread-count',
    {
      schema: {
        tags,
        summary: 'How many of the caller’s notifications are unread (polled by the header bell)',
        response: { 200: UnreadCount, ...errorResponses(401) },
      },
    },
    async (request) => notifications.unreadCount(db, contextOf(request)),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of the caller’s notifications read',
        params: NotificationParams,
        response: { 200: NotificationItem, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => notifications.markRead(db, contextOf(request), request.params.id),
  );

  app.post(
    '/api/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Mark every notification of the caller read',
        response: { 200: ReadAllResponse, ...errorResponses(401) },
      },
    },
    async (request) => notifications.markAllRead(db, contextOf(request)),
  );
};
