import { useEffect, useState } from 'react';

// Hash routes: #/ (journeys), #/journeys/{id}/{tab}. Only ids travel in the URL; the key never does.

export type Tab = 'overview' | 'draft' | 'instance' | 'test';
export const tabs: Tab[] = ['overview', 'draft', 'instance', 'test'];

export type Route = { page: 'list' } | { page: 'journey'; id: string; tab: Tab };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  if (parts[0] === 'journeys' && parts[1]) {
    const tab = (tabs as string[]).includes(parts[2] ?? '') ? (parts[2] as Tab) : 'overview';
    return { page: 'journey', id: parts[1], tab };
  }
  return { page: 'list' };
}

export function href(route: Route): string {
  return route.page === 'list' ? '#/' : `#/journeys/${encodeURIComponent(route.id)}/${route.tab}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
