// Type-ahead over the full-text indexes: entities (and papers, unless a type
// is chosen) as the person types, one request per pause in typing.
import { useEffect, useId, useRef, useState } from 'react';
import { gql, plural, type EntityRef, type EntityType, type PaperRef } from './api';
import { TypeBadge } from './components';
import { useData, useDebounced } from './hooks';
import { typeAheadQuery } from './lucene';

export type Suggestion = { kind: 'entity'; entity: EntityRef } | { kind: 'paper'; paper: PaperRef };

const ENTITY_FIELDS = 'id name type paperCount';

export async function suggest(text: string, types: readonly EntityType[], withPapers: boolean, first = 10, signal?: AbortSignal): Promise<Suggestion[]> {
  const q = typeAheadQuery(text);
  if (!q) return [];
  if (types.length === 0 && withPapers) {
    const d = await gql<{ search: { entity: EntityRef | null; paper: PaperRef | null }[] }>(
      `query Suggest($q: String!, $first: Int) { search(query: $q, first: $first) { entity { ${ENTITY_FIELDS} } paper { id title } } }`,
      { q, first },
      signal,
    );
    const entities = d.search.flatMap((h) => (h.entity ? [h.entity] : []));
    const papers = d.search.flatMap((h): Suggestion[] => (h.paper ? [{ kind: 'paper', paper: h.paper }] : []));
    // Entities first: they are what a person usually looks for by name.
    return [...byCloseness(text, entities).map((entity): Suggestion => ({ kind: 'entity', entity })), ...papers];
  }
  const lists = types.length > 0 ? types : [null];
  const fields = lists.map((t, i) => `l${i}: entities(${t ? `type: ${t}, ` : ''}query: $q, first: $first) { edges { node { ${ENTITY_FIELDS} } } }`);
  const d = await gql<Record<string, { edges: { node: EntityRef }[] }>>(`query Suggest($q: String!, $first: Int) { ${fields.join(' ')} }`, { q, first }, signal);
  const entities = Object.values(d)
    .flatMap((c) => c.edges.map((e) => e.node))
    .sort((a, b) => (b.paperCount ?? 0) - (a.paperCount ?? 0));
  return byCloseness(text, entities)
    .slice(0, first)
    .map((entity) => ({ kind: 'entity', entity }));
}

/** The name typed exactly first, then names starting with it, then the rest (each group keeps its order). */
function byCloseness(text: string, entities: EntityRef[]): EntityRef[] {
  const t = text.trim().toLowerCase();
  const rank = (e: EntityRef) => (e.name.toLowerCase() === t ? 0 : e.name.toLowerCase().startsWith(t) ? 1 : 2);
  return entities.map((e, i) => ({ e, i, r: rank(e) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.e);
}

export function Picker(props: {
  types?: readonly EntityType[];
  withPapers?: boolean;
  placeholder: string;
  label: string;
  initial?: string;
  autoFocus?: boolean;
  onPick: (s: Suggestion) => void;
  onSubmit?: (text: string) => void;
}) {
  const { types = [], withPapers = true } = props;
  const [text, setText] = useState(props.initial ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const closing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // An autofocused box opens its list when the person types, not on page load.
  const quietFocus = useRef(!!props.autoFocus);
  const typed = useDebounced(text, 150);
  const key = open && typeAheadQuery(typed) ? `${typed}|${types.join(',')}|${withPapers}` : null;
  const hits = useData(key, (signal) => suggest(typed, types, withPapers, 10, signal));
  const list = hits.data ?? [];
  useEffect(() => setActive(0), [hits.data]);
  useEffect(() => setText(props.initial ?? ''), [props.initial]);

  const pick = (s: Suggestion) => {
    setOpen(false);
    setText(s.kind === 'entity' ? s.entity.name : s.paper.title);
    props.onPick(s);
  };

  return (
    <div className="picker">
      <input
        type="search"
        aria-label={props.label}
        role="combobox"
        aria-expanded={open && list.length > 0}
        aria-controls={listId}
        placeholder={props.placeholder}
        value={text}
        autoFocus={props.autoFocus}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => {
          clearTimeout(closing.current);
          if (quietFocus.current) quietFocus.current = false;
          else setOpen(true);
        }}
        // Later, so a click on a suggestion lands first.
        onBlur={() => {
          closing.current = setTimeout(() => setOpen(false), 150);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, list.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            const s = list[active];
            if (open && s && typed === text) pick(s);
            else if (props.onSubmit) {
              setOpen(false);
              props.onSubmit(text);
            }
          } else if (e.key === 'Escape') setOpen(false);
        }}
      />
      {open && key && (
        <ul className="suggestions" id={listId} role="listbox">
          {hits.loading && list.length === 0 && <li className="muted">Searching…</li>}
          {hits.error && <li className="error">{hits.error}</li>}
          {!hits.loading && !hits.error && list.length === 0 && <li className="muted">No match</li>}
          {list.map((s, i) => (
            <li
              key={s.kind === 'entity' ? s.entity.id : s.paper.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(s);
              }}
              onMouseEnter={() => setActive(i)}
            >
              {s.kind === 'entity' ? (
                <>
                  <TypeBadge type={s.entity.type} /> <span className="name">{s.entity.name}</span>
                  <span className="count">{plural(s.entity.paperCount ?? 0, 'paper')}</span>
                </>
              ) : (
                <>
                  <span className="badge t-paper">paper</span> <span className="name">{s.paper.title}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
