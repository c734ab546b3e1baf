import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isConnectionError } from '../db/client.ts';
import { AppError } from './errors.ts';

/**
 * Errors Fastify's router raises before a route is found (a malformed percent-encoding, a path
 * parameter over `maxParamLength`): answered in the same envelope as every other error, not in
 * Fastify's own shape.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
  void reply.code(tooLong ? 414 : 400).send({
    error: {
      code: 'validation_failed',
      message: tooLong ? 'A part of the path is too long' : 'The path is not valid',
      requestId: req.id,
    },
  });
}

/**
 * One handler, one envelope: `{ error: { code, message, details?, requestId } }`. AppErrors keep their
 * status; validation is 400 `validation_failed`; a lost database is 503; anything else is logged with
 * the request id and answered as a generic 500 with no stack.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const send = (status: number, code: string, message: string, details?: unknown) =>
      reply
        .code(status)
        .send({ error: { code, message, ...(details === undefined ? {} : { details }), requestId: req.id } });

    if (err instanceof AppError) {
      if (err.headers) reply.headers(err.headers);
      return send(err.status, err.code, err.message, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: String(v.instancePath ?? '')
          .split('/')
          .filter(Boolean),
        message: v.message ?? 'Invalid value',
      }));
      return send(400, 'validation_failed', 'Some fields are not valid', details);
    }
    if (isConnectionError(err)) {
      req.log.warn({ err: { message: err.message, code: err.code } }, 'database unavailable');
      reply.header('retry-after', '5');
      return send(503, 'database_unavailable', 'The service is temporarily unavailable, try again shortly');
    }
    const status = err.statusCode ?? 500;
    if (status === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.code === 'FST_REQ_FILE_TOO_LARGE')
      return send(413, 'payload_too_large', 'The request body is too large');
    if (status === 415 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return send(415, 'unsupported_media_type', 'This content type is not accepted here');
    if (status === 429)
      return send(429, 'rate_limited', 'Too many requests, slow down and try again shortly');
    if (status === 408 || err.code === 'FST_ERR_REQUEST_TIMEOUT')
      return send(408, 'request_timeout', 'The request took too long');
    if (status >= 400 && status < 500) {
      // Malformed JSON, bad content length, an empty body where one is needed: the client's fault.
      return send(
        status,
        'validation_failed',
        err.message.replace(/^body\/?/, '').slice(0, 200) || 'Bad request',
      );
    }
    if (isResponseSerializationError(err))
      req.log.error({ err, route: req.routeOptions.url }, 'response did not match its schema');
    else req.log.error({ err }, 'unhandled error');
    return send(500, 'internal_error', 'Something went wrong on our side; it has been logged');
  });
}
