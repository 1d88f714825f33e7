import { useState, type ReactNode } from 'react';
import { ROLE_LABEL, TYPE_LABEL, type EntityRef, type EntityType, type Role } from './api';
import { linkProps, type View } from './router';

export function TypeBadge({ type }: { type: EntityType }) {
  return <span className={`badge t-${type.toLowerCase()}`}>{TYPE_LABEL[type]}</span>;
}

export function RoleTag({ role }: { role: Role }) {
  return <span className={`role r-${role.toLowerCase()}`}>{ROLE_LABEL[role]}</span>;
}

export function Link({ to, children, className, title }: { to: View; children: ReactNode; className?: string; title?: string }) {
  return (
    <a {...linkProps(to)} className={className} title={title}>
      {children}
    </a>
  );
}

export function EntityLink({ entity, count }: { entity: EntityRef; count?: number }) {
  return (
    <Link to={{ name: 'entity', id: entity.id, after: null }} className={`entity-link t-${entity.type.toLowerCase()}`}>
      <span className="dot" />
      {entity.name}
      {count !== undefined && <span className="count">{count}</span>}
    </Link>
  );
}

export function Loading({ what }: { what: string }) {
  return <p className="muted loading">Loading {what}…</p>;
}

export function ErrorBox({ error }: { error: string }) {
  return (
    <p className="error" role="alert">
      {error}
    </p>
  );
}

export function TypeChips({ selected, onChange }: { selected: EntityType[]; onChange: (types: EntityType[]) => void }) {
  const all: EntityType[] = ['MODEL', 'DATASET', 'METHOD', 'TASK', 'METRIC'];
  return (
    <div className="chips" role="group" aria-label="Entity types">
      {all.map((t) => {
        const on = selected.includes(t);
        return (
          <button
            key={t}
            type="button"
            className={`chip t-${t.toLowerCase()}${on ? ' on' : ''}`}
            aria-pressed={on}
            onClick={() => onChange(on ? selected.filter((x) => x !== t) : [...selected, t])}
          >
            {TYPE_LABEL[t]}
          </button>
        );
      })}
    </div>
  );
}

/** Pages a list shown in full elsewhere: first `size`, then "show more". */
export function useShowMore(size: number) {
  const [shown, setShown] = useState(size);
  return { shown, more: () => setShown((s) => s + size) };
}
