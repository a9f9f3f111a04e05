import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { TokenService } from '../../services/auth/token.service.js';
import { callerOf } from '../auth.js';
import { idParams, pageOf, presentPage } from '../schemas.js';
import { createdTokenSchema, newTokenBody, presentCreatedToken, presentToken, tokenListQuery, tokenSchema } from './token.dto.js';

const tags = ['API tokens'];

/** API tokens for automation: create (the secret is shown once), list, revoke. */
export function tokenRoutes(tokens: TokenService): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/tokens',
      {
        config: { permission: 'tokens:read' },
        schema: {
          tags,
          summary: 'Tokens of groups in scope, newest first',
          querystring: tokenListQuery,
          response: { 200: pageOf(tokenSchema) },
        },
      },
      async (request) => presentPage(await tokens.list(callerOf(request), request.query, request.query), presentToken),
    );
    app.get(
      '/tokens/:id',
      {
        config: { permission: 'tokens:read' },
        schema: { tags, summary: 'One token', params: idParams, response: { 200: tokenSchema } },
      },
      async (request) => presentToken(await tokens.get(callerOf(request), request.params.id)),
    );
    app.post(
      '/tokens',
      {
        config: { permission: 'tokens:write' },
        schema: { tags, summary: 'Create a token (admins only)', body: newTokenBody, response: { 201: createdTokenSchema } },
      },
      async (request, reply) => reply.code(201).send(presentCreatedToken(await tokens.create(callerOf(request), request.body))),
    );
    app.delete(
      '/tokens/:id',
      {
        config: { permission: 'tokens:write' },
        schema: { tags, summary: 'Revoke a token; it stops working at once', params: idParams, response: { 200: tokenSchema } },
      },
      async (request) => presentToken(await tokens.revoke(callerOf(request), request.params.id)),
    );
    done();
  };
}
