import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * `/docs`: the OpenAPI page (swagger-ui) and `/docs/json`. swagger-ui brings its static files, a
 * YAML writer and @fastify/static, a tenth of the start; it is loaded on the first request to
 * `/docs` instead, on an instance of its own that reads the spec from the app's `swagger()`, and
 * every request under `/docs` is handed to it.
 */
export async function docsRoutes(app: FastifyInstance): Promise<void> {
  let docs: Promise<FastifyInstance> | undefined;
  const openDocs = async () => {
    const { default: swaggerUi } = await import('@fastify/swagger-ui');
    const inner = Fastify();
    await inner.register(appSpec(app));
    await inner.register(swaggerUi, { routePrefix: '/docs' });
    await inner.ready();
    return inner;
  };
  const forward = async (request: FastifyRequest, reply: FastifyReply) => {
    docs ??= openDocs().catch((error: unknown) => {
      docs = undefined;
      throw error;
    });
    const answer = await (await docs).inject({ method: request.method as 'GET', url: request.url, headers: request.headers });
    // A path the docs do not have is the app's 404, in its error shape.
    if (answer.statusCode === 404) return reply.callNotFound();
    const { 'content-length': _length, 'transfer-encoding': _encoding, connection: _connection, ...headers } = answer.headers;
    return reply.code(answer.statusCode).headers(headers).send(answer.rawPayload);
  };
  for (const url of ['/docs', '/docs/*']) app.route({ method: 'GET', url, schema: { hide: true }, handler: forward });
}

/** Stands in for @fastify/swagger on the docs' instance (swagger-ui asks for it by name): the app's spec. */
function appSpec(app: FastifyInstance) {
  const plugin = async (inner: FastifyInstance) => {
    inner.decorate('swagger', ((options?: { yaml?: boolean }) => app.swagger(options as { yaml: true })) as FastifyInstance['swagger']);
  };
  // What fastify-plugin sets: the name swagger-ui depends on, and the decoration visible outside the plugin.
  return Object.assign(plugin, { [Symbol.for('plugin-meta')]: { name: '@fastify/swagger' }, [Symbol.for('skip-override')]: true });
}
