import { useEffect, useState } from 'react';
import { parseRoute, type Route, routeHash } from './route';

export { parseRoute, type Route, routeHash } from './route';

/** Navigates to a route (kept in the hash so a reload stays on the same screen). */
export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

/** The current route, following hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
