import type { FastifyInstance } from 'fastify';

/**
 * Lets shutdown finish: once the app starts closing, responses to in-flight requests carry
 * `Connection: close`, so clients drop their keep-alive connections instead of holding the
 * server open until the keep-alive timeout.
 */
export function registerConnectionDraining(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
}
