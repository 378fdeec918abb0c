/** The papers the app prints for one appeal (issue 4): the registration-control card, the receipt, the answer. */
export const PRINT_DOCS = ['card', 'receipt', 'answer'] as const;
export type PrintDoc = (typeof PRINT_DOCS)[number];

/** The app's screens as hash routes: pure parsing and formatting, no DOM. */
export type Route =
  | { name: 'register' }
  | { name: 'new' }
  | { name: 'overview' }
  | { name: 'reports' }
  | { name: 'backup' }
  | { name: 'operators' }
  | { name: 'appeal'; id: string }
  | { name: 'registered'; id: string }
  | { name: 'print'; doc: PrintDoc; id: string }
  | { name: 'setup' }
  | { name: 'login' };

/** Parses the location hash; unknown hashes open the register. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  if (path === 'new') return { name: 'new' };
  if (path === 'overview') return { name: 'overview' };
  if (path === 'reports') return { name: 'reports' };
  if (path === 'backup') return { name: 'backup' };
  if (path === 'operators') return { name: 'operators' };
  if (path === 'setup') return { name: 'setup' };
  if (path === 'login') return { name: 'login' };
  const m = /^(appeal|registered)\/([0-9A-Za-z-]{1,40})$/.exec(path);
  if (m?.[2]) return { name: m[1] === 'appeal' ? 'appeal' : 'registered', id: m[2] };
  const p = /^print\/(card|receipt|answer)\/([0-9A-Za-z-]{1,40})$/.exec(path);
  if (p?.[1] && p[2]) return { name: 'print', doc: p[1] as PrintDoc, id: p[2] };
  return { name: 'register' };
}

/** The hash of a route. */
export function routeHash(route: Route): string {
  if (route.name === 'print') return `#/print/${route.doc}/${route.id}`;
  return route.name === 'appeal' || route.name === 'registered' ? `#/${route.name}/${route.id}` : `#/${route.name}`;
}
