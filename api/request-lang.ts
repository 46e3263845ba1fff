import type { FastifyRequest } from 'fastify';
import type { Lang } from '../store/types';

/** The language a citizen's browser asks for (Accept-Language: kk or ru first), or `fallback`. */
export function requestLang(request: Pick<FastifyRequest, 'headers'>, fallback: Lang): Lang {
  const asked = /^(kk|ru)\b/i.exec(request.headers['accept-language'] ?? '')?.[1]?.toLowerCase();
  return asked === 'kk' || asked === 'ru' ? asked : fallback;
}
