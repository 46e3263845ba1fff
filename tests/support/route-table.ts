import type { App } from '../../api/app';

export interface RouteEntry {
  method: string;
  /** As declared, with `:params`. */
  url: string;
}

/**
 * Every route of the app as Fastify's own table prints it (`printRoutes`), one entry per method;
 * HEAD and OPTIONS, which Fastify and the CORS preflight add, left out.
 */
export function routeTable(app: App): RouteEntry[] {
  const stack: string[] = [];
  const routes: RouteEntry[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const branch = line.search(/[├└]── /);
    if (branch < 0) continue;
    const depth = branch / 4;
    const match = /^(.*?) \(([A-Z, ]+)\)$/.exec(line.slice(branch + 4));
    if (!match) continue;
    stack.length = depth;
    stack.push(match[1]!);
    const url = stack.join('');
    for (const method of match[2]!.split(', ')) if (method !== 'HEAD' && method !== 'OPTIONS') routes.push({ method, url });
  }
  return routes;
}

/** The URL with every `/:param` (and a `*`) replaced by what `value` gives for its name. */
export function fillParams(url: string, value: (name: string) => string): string {
  return url.replace(/\/:([A-Za-z]+)/g, (_m, name: string) => `/${value(name)}`).replace(/\*$/, value('*'));
}
