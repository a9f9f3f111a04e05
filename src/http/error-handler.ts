import type { FastifyInstance } from 'fastify';
import { toErrorReply } from './error-response.js';
import { ApiError } from './errors.js';

/**
 * Answers every failure, and every unknown route, with the one error shape. Unexpected errors
 * are logged with their stack and answered 500 without details.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (error, request, reply) => {
    const answer = toErrorReply(error);
    if (answer.unexpected) request.log.error({ err: error }, 'request failed');
    return reply.code(answer.status).headers(answer.headers).send(answer.body);
  });
  app.setNotFoundHandler(async (request, reply) => {
    const answer = toErrorReply(new ApiError('not_found', `no route for ${request.method} ${request.url.split('?')[0] ?? ''}`));
    return reply.code(answer.status).send(answer.body);
  });
}
