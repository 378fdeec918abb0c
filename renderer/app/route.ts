/** The app's screens as hash routes: pure parsing and formatting, no DOM. */
export type Route =
  | { name: 'register' }
  | { name: 'new' }
  | { name: 'overview' }
  | { name: 'reports' }
  | { name: 'appeal'; id: string }
  | { name: 'registered'; id: string }
  | { name: 'setup' }
  | { name: 'login' };

/** Parses the location hash; unknown hashes open the register. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  if (path === 'new') return { name: 'new' };
  if (path === 'overview') return { name: 'overview' };
  if (path === 'reports') return { name: 'reports' };
  if (path === 'setup') return { name: 'setup' };
  if (path === 'login') return { name: 'login' };
  const m = /^(appeal|registered)\/([0-9A-Za-z]{1,40})$/.exec(path);
  if (m?.[2]) return { name: m[1] === 'appeal' ? 'appeal' : 'registered', id: m[2] };
  return { name: 'register' };
}

/** The hash of a route. */
export function routeHash(route: Route): string {
  return route.name === 'appeal' || route.name === 'registered' ? `#/${route.name}/${route.id}` : `#/${route.name}`;
}
