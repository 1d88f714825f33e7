import { gql, ROLE_LABEL, TYPE_LABEL, type EntityRef, type Role } from '../api';
import { EntityLink, ErrorBox, Link, Loading, RoleTag, TypeBadge } from '../components';
import { segments, type Mention } from '../highlight';
import { settled, useData, useReady } from '../hooks';
import { navigate } from '../router';

interface Evidence {
  text: string;
  sentence: string;
  field: string;
  start: number;
  end: number;
}

interface Link_ {
  role: Role;
  confidence: number;
  entity: EntityRef;
  evidence: Evidence[];
}

interface PaperData {
  id: string;
  title: string;
  abstract: string;
  url: string | null;
  published: string | null;
  authors: string[];
  arxivId: string | null;
  entities: Link_[];
  related: { score: number; paper: { id: string; title: string }; shared: EntityRef[] }[];
}

const PAPER = `query PaperPage($id: ID!) {
  paper(id: $id) {
    id title abstract url published authors arxivId
    entities { role confidence entity { id name type } evidence { text sentence field start end } }
    related(first: 5) { score paper { id title } shared { id name type } }
  }
}`;

function Highlighted({ text, field, links }: { text: string; field: string; links: Link_[] }) {
  const mentions: Mention<Link_>[] = links.flatMap((l) => l.evidence.filter((ev) => ev.field === field).map((ev) => ({ start: ev.start, end: ev.end, text: ev.text, item: l })));
  return (
    <>
      {segments(text, mentions).map((s) =>
        s.mention ? (
          <mark
            key={s.start}
            className={`hl t-${s.mention.item.entity.type.toLowerCase()}`}
            data-entity={s.mention.item.entity.id}
            data-start={s.mention.start}
            data-end={s.mention.end}
            title={`${s.mention.item.entity.name} · ${TYPE_LABEL[s.mention.item.entity.type]} · ${ROLE_LABEL[s.mention.item.role]} · confidence ${s.mention.item.confidence.toFixed(2)}`}
            onClick={() => navigate({ name: 'entity', id: s.mention!.item.entity.id, after: null })}
          >
            {s.text}
          </mark>
        ) : (
          <span key={s.start}>{s.text}</span>
        ),
      )}
    </>
  );
}

export function PaperPage({ id }: { id: string }) {
  const res = useData(id, (signal) => gql<{ paper: PaperData | null }>(PAPER, { id }, signal));
  useReady('paper', settled(res));
  if (res.error) return <ErrorBox error={res.error} />;
  if (!res.data) return <Loading what="the paper" />;
  const p = res.data.paper;
  if (!p) return <ErrorBox error={`No paper with id ${id}.`} />;
  const byType = new Map<string, Link_[]>();
  for (const l of p.entities) byType.set(l.entity.type, [...(byType.get(l.entity.type) ?? []), l]);

  return (
    <article className="paper-page">
      <header className="page-head">
        <span className="badge t-paper">paper</span>
        <h1 className="paper-title">
          <Highlighted text={p.title} field="title" links={p.entities} />
        </h1>
        <div className="actions">
          <Link to={{ name: 'graph', id: p.id, expand: [] }} className="button">
            Neighbourhood graph
          </Link>
        </div>
      </header>
      <p className="muted">
        {p.authors.length > 0 ? p.authors.join(', ') : 'Authors not given'} · {p.published ?? 'undated'}
        {p.arxivId && (
          <>
            {' · '}
            <a href={`https://arxiv.org/abs/${encodeURIComponent(p.arxivId)}`} rel="noreferrer noopener" target="_blank">
              arXiv:{p.arxivId}
            </a>
          </>
        )}
        {p.url && (
          <>
            {' · '}
            <a href={p.url} rel="noreferrer noopener" target="_blank">
              source
            </a>
          </>
        )}
      </p>
      <div className="paper-body">
        <div className="abstract">
          <h2>Abstract</h2>
          <p className="abstract-text">
            <Highlighted text={p.abstract} field="abstract" links={p.entities} />
          </p>
          <p className="legend small">
            {(['MODEL', 'DATASET', 'METHOD', 'TASK', 'METRIC'] as const).map((t) => (
              <span key={t} className={`hl t-${t.toLowerCase()}`}>
                {TYPE_LABEL[t]}
              </span>
            ))}
            <span className="muted"> · hover a mention for its role and confidence, click it for the entity</span>
          </p>
        </div>
        <aside className="paper-entities">
          <h2>Entities ({p.entities.length})</h2>
          {[...byType.entries()].map(([type, links]) => (
            <div key={type}>
              <h3>
                <TypeBadge type={type as EntityRef['type']} />
              </h3>
              <ul className="plain">
                {links.map((l) => (
                  <li key={l.entity.id}>
                    <EntityLink entity={l.entity} /> <RoleTag role={l.role} /> <span className="muted small">{l.confidence.toFixed(2)}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </aside>
      </div>
      {p.related.length > 0 && (
        <>
          <h2>Related papers</h2>
          <ul className="papers">
            {p.related.map((r) => (
              <li key={r.paper.id}>
                <Link to={{ name: 'paper', id: r.paper.id }}>{r.paper.title}</Link>
                <div className="small muted">
                  shares{' '}
                  {r.shared.slice(0, 6).map((s) => (
                    <EntityLink key={s.id} entity={s} />
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
