import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  type ZodFastifySchemaValidationError,
} from 'fastify-type-provider-zod';
import type { Language } from '../../shared/common.ts';
import type { ErrorResponse } from '../../shared/errors.ts';
import {
  type FieldMessageKey,
  fieldMessage,
  isFieldMessageKey,
  type MessageCode,
  message,
} from './messages.ts';

export interface FieldError {
  key: FieldMessageKey;
  params?: Record<string, unknown>;
}

/** The one error type of the application: a stable code, an HTTP status, and optional field errors. */
export class AppError extends Error {
  readonly code: MessageCode;
  readonly status: number;
  readonly params: Record<string, unknown> | undefined;
  readonly fields: Record<string, FieldError> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    status: number,
    code: MessageCode,
    options: {
      params?: Record<string, unknown>;
      fields?: Record<string, FieldError>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(code);
    this.status = status;
    this.code = code;
    this.params = options.params;
    this.fields = options.fields;
    this.headers = options.headers;
  }
}

export const notFound = (code: MessageCode = 'NOT_FOUND') => new AppError(404, code);
export const forbidden = () => new AppError(403, 'FORBIDDEN');
export const conflict = (code: MessageCode, params?: Record<string, unknown>) =>
  new AppError(409, code, { params });
export const fieldError = (field: string, key: FieldMessageKey, params?: Record<string, unknown>) =>
  new AppError(400, 'VALIDATION_FAILED', { fields: { [field]: { key, params } } });

/** The language of the answer: the signed-in user's, else the browser's Accept-Language, else Indonesian. */
/** Field errors gathered while checking a request, by field path. */
export type FieldErrors = Record<string, FieldError>;

/** 400 VALIDATION_FAILED with every gathered field error; nothing when there is none. */
export function failOnFields(fields: FieldErrors): void {
  if (Object.keys(fields).length > 0) throw new AppError(400, 'VALIDATION_FAILED', { fields });
}

export function languageOf(request: FastifyRequest): Language {
  if (request.principal) return request.principal.language;
  const header = request.headers['accept-language'];
  if (typeof header === 'string' && /^\s*en\b/i.test(header)) return 'en';
  return 'id';
}

function send(reply: FastifyReply, status: number, body: ErrorResponse) {
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/** The value at a dotted path of what was sent, or undefined when the path is not there. */
function valueAt(input: unknown, path: string[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function validationFields(issues: ZodFastifySchemaValidationError[], input: unknown, language: Language) {
  const fields: Record<string, string> = {};
  const unknown: string[] = [];
  for (const issue of issues) {
    const params = issue.params as Record<string, unknown>;
    const segments = issue.instancePath.split('/').filter(Boolean);
    const path = segments.join('.');
    if (issue.keyword === 'unrecognized_keys') {
      for (const key of (params.keys as string[] | undefined) ?? []) {
        const name = path ? `${path}.${key}` : key;
        unknown.push(name);
        fields[name] = fieldMessage('unknown_field', language);
      }
      continue;
    }
    const name = path || '_';
    if (fields[name]) continue;
    // A field left out is "required", whatever its type: a missing enum fails as invalid_value, not invalid_type.
    const missing =
      (issue.keyword === 'invalid_type' || issue.keyword === 'invalid_value') &&
      valueAt(input, segments) === undefined;
    fields[name] = missing
      ? fieldMessage('required', language)
      : describeIssue(issue.keyword, params, name, language);
  }
  return { fields, unknown };
}

function describeIssue(
  keyword: string,
  params: Record<string, unknown>,
  field: string,
  language: Language,
): string {
  switch (keyword) {
    case 'invalid_type':
      return fieldMessage('invalid_type', language);
    case 'too_small': {
      const minimum = params.minimum;
      if (params.origin === 'string')
        return fieldMessage(minimum === 1 ? 'required' : 'too_short', language, { minimum });
      if (params.origin === 'array') return fieldMessage('too_few_items', language, { minimum });
      return fieldMessage('too_small_number', language, { minimum });
    }
    case 'too_big': {
      const maximum = params.maximum;
      if (params.origin === 'string') return fieldMessage('too_long', language, { maximum });
      if (params.origin === 'array') return fieldMessage('too_many_items', language, { maximum });
      return fieldMessage('too_big_number', language, { maximum });
    }
    case 'invalid_format': {
      if (params.format === 'email') return fieldMessage('invalid_format_email', language);
      if (params.format === 'uuid' || params.format === 'guid')
        return fieldMessage('invalid_format_uuid', language);
      if (params.format === 'date' || params.format === 'datetime')
        return fieldMessage('invalid_format_date', language);
      if (field.endsWith('username')) return fieldMessage('username_format', language);
      return fieldMessage('invalid_format', language);
    }
    case 'custom': {
      // A refinement names its message: `{ params: { key } }` (e.g. CalendarDate's date_out_of_range).
      const key = (params.params as { key?: string } | undefined)?.key;
      if (key && isFieldMessageKey(key)) return fieldMessage(key, language);
      return fieldMessage('invalid', language);
    }
    case 'invalid_value':
      return fieldMessage('invalid_option', language, {
        options: ((params.values as unknown[]) ?? []).join(', '),
      });
    default:
      return fieldMessage('invalid', language);
  }
}

/** One error handler for the whole API: stable codes, translated messages, no stack traces to clients. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const language = languageOf(request);
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      const fields = error.fields
        ? Object.fromEntries(
            Object.entries(error.fields).map(([name, field]) => [
              name,
              fieldMessage(field.key, language, field.params),
            ]),
          )
        : undefined;
      return send(reply, error.status, {
        error: {
          code: error.code,
          message: message(error.code, language, error.params),
          ...(fields && { fields }),
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      // What was validated: the body, the query string or the address parameters.
      const sent = { body: request.body, querystring: request.query, params: request.params };
      const input = sent[(error as { validationContext?: string }).validationContext as keyof typeof sent];
      const { fields, unknown } = validationFields(error.validation, input, language);
      const code = unknown.length > 0 ? 'UNKNOWN_FIELDS' : 'VALIDATION_FAILED';
      return send(reply, 400, {
        error: { code, message: message(code, language, { fields: unknown.join(', ') }), fields },
      });
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, 400, {
          error: { code: 'MALFORMED_JSON', message: message('MALFORMED_JSON', language) },
        });
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, 413, {
          error: { code: 'BODY_TOO_LARGE', message: message('BODY_TOO_LARGE', language) },
        });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(reply, error.statusCode ?? 415, {
          error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: message('UNSUPPORTED_MEDIA_TYPE', language) },
        });
    }
    if (isUnstorableInput(error)) {
      request.log.warn({ err: error }, 'input the database cannot store');
      return send(reply, 400, {
        error: { code: 'VALIDATION_FAILED', message: message('VALIDATION_FAILED', language) },
      });
    }
    if (error.statusCode === 429) {
      return send(reply, 429, {
        error: { code: 'RATE_LIMITED', message: message('RATE_LIMITED', language) },
      });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.warn({ err: error }, 'client error');
      return send(reply, error.statusCode, {
        error: { code: 'VALIDATION_FAILED', message: message('VALIDATION_FAILED', language) },
      });
    }
    const databaseDown = isConnectionError(error);
    request.log.error({ err: error, correlationId: request.id }, 'request failed');
    const code = databaseDown ? 'DATABASE_UNAVAILABLE' : 'INTERNAL';
    return send(reply, databaseDown ? 503 : 500, {
      error: {
        code,
        message: message(code, language, { correlationId: request.id }),
        correlationId: request.id,
      },
    });
  });
}

/** The 404 answer in the one error shape. */
export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, 404, {
    error: { code: 'NOT_FOUND', message: message('NOT_FOUND', languageOf(request)) },
  });
}

// PostgreSQL's data exceptions caused by what the client sent: a NUL character (22021, 22P05), a date out of
// range (22008, 22007). A bad request, not a server error.
const INPUT_DATA_ERRORS = new Set(['22021', '22P05', '22008', '22007']);
function isUnstorableInput(error: unknown): boolean {
  return INPUT_DATA_ERRORS.has(String((error as { code?: unknown }).code));
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'ECONNREFUSED' || code === '57P01' || code === '08006' || code === '08001';
}
