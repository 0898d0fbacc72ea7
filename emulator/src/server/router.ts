/** Route matching with `:param` segments and an optional trailing slash (PostHog's router accepts both). */
import type { Route } from './types';

interface Compiled {
  route: Route;
  re: RegExp;
  names: string[];
}

export class Router {
  private readonly compiled: Compiled[] = [];

  add(routes: Route[]): void {
    for (const route of routes) {
      const names: string[] = [];
      const body = route.pattern
        .replace(/\/$/, '')
        .split('/')
        .map((seg) => {
          if (seg.startsWith(':')) {
            names.push(seg.slice(1));
            return '([^/]+)';
          }
          return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join('/');
      this.compiled.push({ route, re: new RegExp(`^${body}/?$`), names });
    }
  }

  /** The route for this method and path; `methodMismatch` lists routes matching the path only. */
  match(method: string, path: string): { route: Route; params: Record<string, string> } | { route: null; pathRoutes: Route[] } {
    const pathRoutes: Route[] = [];
    for (const c of this.compiled) {
      const m = c.re.exec(path);
      if (!m) continue;
      if (c.route.method === method) {
        const params: Record<string, string> = {};
        c.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
        return { route: c.route, params };
      }
      pathRoutes.push(c.route);
    }
    return { route: null, pathRoutes };
  }
}
