import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

type Encoding = 'br' | 'gzip';

const compress: Record<Encoding, (body: Buffer) => Promise<Buffer>> = {
  br: (body) => promisify(brotliCompress)(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => promisify(gzip)(body, { level: 9 }),
};

/**
 * A file served as it is for every request (a script, the console's texts): with a strong ETag from
 * its content, answered 304 when the browser holds it already, and sent compressed (br, else gzip)
 * when the browser takes it; each compressed form is made once, at the first request that wants it.
 */
export class StaticAsset {
  readonly body: Buffer;
  /** The first 16 characters of the content's SHA-256, for an ETag or a versioned address. */
  readonly hash: string;
  private readonly etag: string;
  private readonly compressed = new Map<Encoding, Promise<Buffer>>();

  constructor(
    content: string | Buffer,
    private readonly type: string,
  ) {
    this.body = typeof content === 'string' ? Buffer.from(content) : content;
    this.hash = createHash('sha256').update(this.body).digest('base64url').slice(0, 16);
    this.etag = `"${this.hash}"`;
  }

  async send(request: FastifyRequest, reply: FastifyReply, cacheControl: string): Promise<FastifyReply> {
    reply.header('etag', this.etag).header('cache-control', cacheControl).header('vary', 'accept-encoding');
    if (matches(request.headers['if-none-match'], this.etag)) return reply.code(304).send();
    reply.type(this.type);
    const encoding = preferredEncoding(request.headers['accept-encoding']);
    if (!encoding) return reply.send(this.body);
    let body = this.compressed.get(encoding);
    if (!body) {
      body = compress[encoding](this.body);
      this.compressed.set(encoding, body);
    }
    return reply.header('content-encoding', encoding).send(await body);
  }
}

/** If-None-Match against our ETag: a list, weak forms and `*` included. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value === etag || value === `W/${etag}`;
  });
}

/** br when the browser takes it, else gzip, else none; `;q=0` refuses an encoding. */
export function preferredEncoding(header: string | string[] | undefined): Encoding | undefined {
  const accepted = new Set<string>();
  for (const item of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [name, ...params] = item.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return undefined;
}
