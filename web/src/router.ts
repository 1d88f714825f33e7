// Every view is a URL under /explore, so any view can be shared and reloaded.
// Ids travel in the query string (paper ids may hold any character).
import { useEffect, useState } from 'react';
import { ENTITY_TYPES, type EntityType } from './api';

export type View =
  | { name: 'home'; q: string; types: EntityType[] }
  | { name: 'entity'; id: string; after: string | null }
  | { name: 'paper'; id: string }
  | { name: 'graph'; id: string; expand: string[] }
  | { name: 'cooccurrence'; rows: EntityType; columns: EntityType; cell: [string, string] | null }
  | { name: 'path'; from: string | null; to: string | null };

export const BASE = '/explore';

const asType = (v: string | null, fallback: EntityType): EntityType => (ENTITY_TYPES as readonly string[]).includes(v ?? '') ? (v as EntityType) : fallback;

export function parseView(pathname: string, search: string): View {
  const p = new URLSearchParams(search);
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length).replace(/^\/+|\/+$/g, '') : '';
  const id = p.get('id');
  switch (rest) {
    case 'entity':
      if (id) return { name: 'entity', id, after: p.get('after') };
      break;
    case 'paper':
      if (id) return { name: 'paper', id };
      break;
    case 'graph':
      if (id) return { name: 'graph', id, expand: p.getAll('expand').filter(Boolean) };
      break;
    case 'cooccurrence': {
      const row = p.get('row');
      const column = p.get('column');
      return {
        name: 'cooccurrence',
        rows: asType(p.get('rows'), 'METHOD'),
        columns: asType(p.get('columns'), 'DATASET'),
        cell: row && column ? [row, column] : null,
      };
    }
    case 'path':
      return { name: 'path', from: p.get('from'), to: p.get('to') };
  }
  const types = (p.get('types') ?? '').split(',').filter((t): t is EntityType => (ENTITY_TYPES as readonly string[]).includes(t));
  return { name: 'home', q: p.get('q') ?? '', types };
}

export function viewUrl(v: View): string {
  const q = (params: Record<string, string | string[] | null | undefined>) => {
    const s = new URLSearchParams();
    for (const [k, val] of Object.entries(params)) for (const one of Array.isArray(val) ? val : [val]) if (one) s.append(k, one);
    const str = s.toString();
    return str ? `?${str}` : '';
  };
  switch (v.name) {
    case 'home':
      return `${BASE}${q({ q: v.q, types: v.types.join(',') })}`;
    case 'entity':
      return `${BASE}/entity${q({ id: v.id, after: v.after })}`;
    case 'paper':
      return `${BASE}/paper${q({ id: v.id })}`;
    case 'graph':
      return `${BASE}/graph${q({ id: v.id, expand: v.expand })}`;
    case 'cooccurrence':
      return `${BASE}/cooccurrence${q({ rows: v.rows, columns: v.columns, row: v.cell?.[0], column: v.cell?.[1] })}`;
    case 'path':
      return `${BASE}/path${q({ from: v.from, to: v.to })}`;
  }
}

const listeners = new Set<() => void>();

export function navigate(v: View, opts: { replace?: boolean } = {}) {
  const url = viewUrl(v);
  if (url === window.location.pathname + window.location.search) return;
  if (opts.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.scrollTo(0, 0);
  listeners.forEach((l) => l());
}

export function useView(): View {
  const read = () => parseView(window.location.pathname, window.location.search);
  const [view, setView] = useState(read);
  useEffect(() => {
    const update = () => setView(read());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return view;
}

/** Where a link points, for <a href> (middle-click, copy link) with in-app navigation on click. */
export function linkProps(v: View) {
  return {
    href: viewUrl(v),
    onClick: (e: { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; preventDefault: () => void }) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
      e.preventDefault();
      navigate(v);
    },
  };
}

/** Records the view in the address bar without re-rendering (for state a view already shows). */
export function replaceUrl(v: View) {
  window.history.replaceState(null, '', viewUrl(v));
}
