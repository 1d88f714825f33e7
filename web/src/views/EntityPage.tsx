import { useState } from 'react';
import { ENTITY_TYPES, gql, plural, ROLES, ROLE_LABEL, TYPE_LABEL, type EntityRef, type EntityType, type PaperRef, type Role } from '../api';
import { EntityLink, ErrorBox, Link, Loading, RoleTag, TypeBadge } from '../components';
import { settled, useData, useReady } from '../hooks';
import { fillPeriods, monthsFrom, periodLabel, type Point } from '../timeline';
import { navigate } from '../router';

const PAGE = 10;
const ROLE_ALIAS: Record<Role, string> = { PROPOSES: 'proposes', USES: 'uses', EVALUATES_ON: 'evaluatesOn', COMPARES_WITH: 'comparesWith', MENTIONS: 'mentions' };

interface PaperPage {
  totalCount: number;
  edges: { cursor: string; node: PaperRef }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface EntityData extends EntityRef {
  aliases: string[];
  paperCount: number;
  family?: EntityRef | null;
  base?: EntityRef | null;
  variants?: EntityRef[];
  years: Point[];
  papers: PaperPage;
  [alias: string]: unknown;
}

// One request: the entity, its role counts, its papers per year, its top
// co-occurring entities of each type and one page of papers.
const ENTITY = `query EntityPage($id: ID!, $after: String) {
  node(id: $id) {
    ... on Entity {
      id name type aliases paperCount
      ... on Model { family { id name type } variants(first: 12) { id name type paperCount } }
      ... on Dataset { base { id name type } variants(first: 12) { id name type paperCount } }
      ${ROLES.map((r) => `${ROLE_ALIAS[r]}: papers(role: ${r}, first: 0) { totalCount }`).join('\n      ')}
      ${ENTITY_TYPES.map((t) => `co${t}: cooccurring(type: ${t}, first: 6) { papers entity { id name type } }`).join('\n      ')}
      years: timeline(by: YEAR, first: 100) { period papers }
      papers(first: ${PAGE}, after: $after) {
        totalCount
        edges { cursor node { id title published authors } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`;

export function EntityPage({ id, after }: { id: string; after: string | null }) {
  const res = useData(`${id}|${after}`, (signal) => gql<{ node: EntityData | null }>(ENTITY, { id, after }, signal));
  const e = res.data?.node;
  useReady('entity', settled(res));
  if (res.error) return <ErrorBox error={res.error} />;
  if (!res.data) return <Loading what="the entity" />;
  if (!e) return <ErrorBox error={`No entity with id ${id}.`} />;
  const roleCounts = ROLES.map((r) => ({ role: r, count: (e[ROLE_ALIAS[r]] as { totalCount: number }).totalCount }));
  const parent = e.family ?? e.base;

  return (
    <article className="entity-page">
      <header className="page-head">
        <TypeBadge type={e.type} />
        <h1>{e.name}</h1>
        <div className="actions">
          <Link to={{ name: 'graph', id: e.id, expand: [] }} className="button">
            Neighbourhood graph
          </Link>
          <Link to={{ name: 'path', from: e.id, to: null }} className="button">
            Path from here…
          </Link>
        </div>
      </header>
      {e.aliases.length > 0 && (
        <p className="aliases">
          Also written: {e.aliases.map((a) => <span key={a} className="alias">{a}</span>)}
        </p>
      )}
      {(parent || (e.variants?.length ?? 0) > 0) && (
        <p className="family">
          {parent && (
            <>
              {e.type === 'MODEL' ? 'Variant of ' : 'Split or variant of '}
              <EntityLink entity={parent} />.{' '}
            </>
          )}
          {(e.variants?.length ?? 0) > 0 && (
            <>
              Variants:{' '}
              {e.variants!.map((v) => (
                <EntityLink key={v.id} entity={v} count={v.paperCount} />
              ))}
            </>
          )}
        </p>
      )}

      <div className="facts">
        <div className="fact">
          <div className="big">{e.paperCount}</div>
          <div className="muted">papers</div>
        </div>
        <div className="fact roles" aria-label="Role breakdown">
          {roleCounts.map(({ role, count }) => (
            <div key={role} className="role-row">
              <RoleTag role={role} />
              <span className="bar" style={{ width: `${e.paperCount ? (100 * count) / e.paperCount : 0}%` }} />
              <span className="count" data-role={role}>
                {count}
              </span>
            </div>
          ))}
        </div>
        <Timeline id={e.id} years={e.years} total={e.paperCount} />
      </div>

      <h2>Often together with</h2>
      <div className="columns cooccurring">
        {ENTITY_TYPES.map((t) => {
          const list = e[`co${t}`] as { papers: number; entity: EntityRef }[];
          return (
            <div key={t} className="column">
              <h3>{TYPE_LABEL[t as EntityType]}s</h3>
              {list.length === 0 ? (
                <p className="muted">none</p>
              ) : (
                <ul className="plain">
                  {list.map((c) => (
                    <li key={c.entity.id}>
                      <EntityLink entity={c.entity} count={c.papers} />
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>

      <h2>
        Papers <span className="muted">({e.papers.totalCount}, newest first)</span>
      </h2>
      <ol className="papers" start={1}>
        {e.papers.edges.map(({ node }) => (
          <li key={node.id}>
            <Link to={{ name: 'paper', id: node.id }}>{node.title}</Link>
            <div className="muted small">
              {node.published ?? 'undated'}
              {node.authors && node.authors.length > 0 && ` · ${node.authors.slice(0, 4).join(', ')}${node.authors.length > 4 ? ' et al.' : ''}`}
            </div>
          </li>
        ))}
      </ol>
      <nav className="pager">
        {after && (
          <button type="button" onClick={() => navigate({ name: 'entity', id, after: null })}>
            ← First page
          </button>
        )}
        {e.papers.pageInfo.hasNextPage && (
          <button type="button" onClick={() => navigate({ name: 'entity', id, after: e.papers.pageInfo.endCursor })}>
            Next {PAGE} papers →
          </button>
        )}
      </nav>
    </article>
  );
}

const MONTHS = `query Months($id: ID!, $from: Date) {
  node(id: $id) { ... on Entity { timeline(by: MONTH, from: $from, first: 100) { period papers } } }
}`;

/** Papers per year (from the page's request), or per month over the last two years (one more request). */
function Timeline({ id, years, total }: { id: string; years: Point[]; total: number }) {
  const [byMonth, setByMonth] = useState(false);
  const lastYear = years[years.length - 1]?.period;
  const months = useData(byMonth && lastYear ? `${id}|${lastYear}` : null, (signal) =>
    gql<{ node: { timeline: Point[] } | null }>(MONTHS, { id, from: monthsFrom(lastYear!) }, signal),
  );
  if (!lastYear) {
    return (
      <div className="fact timeline">
        <h3>Timeline</h3>
        <p className="muted">None of these papers has a publication date in the data.</p>
      </div>
    );
  }
  const points = fillPeriods(byMonth ? (months.data?.node?.timeline ?? []) : years, byMonth ? 'MONTH' : 'YEAR');
  const dated = years.reduce((s, p) => s + p.papers, 0);
  const max = Math.max(1, ...points.map((p) => p.papers));
  return (
    <div className="fact timeline">
      <h3>
        Papers per {byMonth ? 'month' : 'year'}{' '}
        <button type="button" className="link" onClick={() => setByMonth(!byMonth)}>
          by {byMonth ? 'year' : 'month'}
        </button>
      </h3>
      {months.error && <ErrorBox error={months.error} />}
      <div className="bars" aria-label="Timeline">
        {points.map((p) => (
          <div key={p.period} className="bar-col" title={`${periodLabel(p.period)}: ${plural(p.papers, 'paper')}`} data-period={p.period}>
            <div className="bar-v" style={{ height: `${(100 * p.papers) / max}%` }} />
            <div className="bar-label">{byMonth ? periodLabel(p.period).slice(0, 3) : p.period}</div>
          </div>
        ))}
      </div>
      {total > dated && <p className="muted small">{plural(total - dated, 'paper')} without a date</p>}
    </div>
  );
}
