// The shortest chain of papers and entities between two entities, each hop
// with the sentence that links the paper and the entity.
import { Fragment } from 'react';
import { gql, ROLE_LABEL, type EntityRef, type Role } from '../api';
import { EntityLink, ErrorBox, Link, Loading, TypeBadge } from '../components';
import { segments } from '../highlight';
import { settled, useData, useReady } from '../hooks';
import { Picker } from '../Picker';
import { navigate } from '../router';

type PathNode = { __typename: string; id: string; name?: string; type?: EntityRef['type']; title?: string };
interface Evidence {
  text: string;
  sentence: string;
  start: number;
  end: number;
  field: string;
}
interface Hop {
  role: Role | 'VARIANT_OF';
  evidence: Evidence | null;
}

const PATH = `query Path($from: ID!, $to: ID!) {
  path(from: $from, to: $to) { __typename id ... on Entity { name type } ... on Paper { title } }
}`;

/** The evidence of each paper on the path, one request for all of them (a path of 4 hops has at most 2 papers). */
async function pathWithEvidence(from: string, to: string, signal: AbortSignal) {
  const { path } = await gql<{ path: PathNode[] | null }>(PATH, { from, to }, signal);
  if (!path) return { path: null, hops: [] as Hop[] };
  const papers = path.filter((n) => n.__typename === 'Paper');
  const links: Record<string, { entities: { role: Role; entity: { id: string }; evidence: Evidence[] }[] } | null> = papers.length
    ? await gql(
        `query PathEvidence(${papers.map((_, i) => `$p${i}: ID!`).join(', ')}) { ${papers
          .map((_, i) => `p${i}: paper(id: $p${i}) { entities { role entity { id } evidence { text sentence start end field } } }`)
          .join(' ')} }`,
        Object.fromEntries(papers.map((p, i) => [`p${i}`, p.id])),
        signal,
      )
    : {};
  const byPaper = new Map(papers.map((p, i) => [p.id, links[`p${i}`]]));
  const hops: Hop[] = [];
  for (let i = 0; i + 1 < path.length; i++) {
    const a = path[i]!;
    const b = path[i + 1]!;
    const paper = a.__typename === 'Paper' ? a : b.__typename === 'Paper' ? b : null;
    const entity = paper === a ? b : a;
    if (!paper) {
      hops.push({ role: 'VARIANT_OF', evidence: null });
      continue;
    }
    const link = byPaper.get(paper.id)?.entities.find((l) => l.entity.id === entity.id);
    hops.push({ role: link?.role ?? 'MENTIONS', evidence: link?.evidence[0] ?? null });
  }
  return { path, hops };
}

function Sentence({ ev }: { ev: Evidence }) {
  const at = ev.sentence.indexOf(ev.text);
  if (at < 0) return <q>{ev.sentence}</q>;
  return (
    <q>
      {segments(ev.sentence, [{ start: at, end: at + ev.text.length, text: ev.text, item: null }]).map((s) =>
        s.mention ? <mark key={s.start}>{s.text}</mark> : <Fragment key={s.start}>{s.text}</Fragment>,
      )}
    </q>
  );
}

export function PathView({ from, to }: { from: string | null; to: string | null }) {
  const res = useData(from && to ? `${from}|${to}` : null, (signal) => pathWithEvidence(from!, to!, signal));
  const ends = useData(from || to ? `${from}|${to}` : null, (signal) =>
    gql<{ from: EntityRef | null; to: EntityRef | null }>(
      `query Ends($from: ID!, $to: ID!) { from: node(id: $from) { ... on Entity { id name type } } to: node(id: $to) { ... on Entity { id name type } } }`,
      { from: from ?? '', to: to ?? '' },
      signal,
    ),
  );
  useReady('path', from && to ? settled(res) && settled(ends) : settled(ends) || (!from && !to));

  return (
    <section className="path-view">
      <h1>How are two entities connected?</h1>
      <p className="muted">The shortest chain of papers and entities between them (at most 4 hops), with the sentence behind each link.</p>
      <div className="path-pick">
        <Picker
          label="From"
          placeholder="From: an entity…"
          withPapers={false}
          initial={ends.data?.from?.name ?? ''}
          onPick={(s) => s.kind === 'entity' && navigate({ name: 'path', from: s.entity.id, to })}
        />
        <span className="arrow">⇢</span>
        <Picker
          label="To"
          placeholder="To: another entity…"
          withPapers={false}
          initial={ends.data?.to?.name ?? ''}
          onPick={(s) => s.kind === 'entity' && navigate({ name: 'path', from, to: s.entity.id })}
        />
      </div>
      {res.error && <ErrorBox error={res.error} />}
      {res.loading && <Loading what="the path" />}
      {res.data && !res.data.path && <p className="muted">No connection within 4 hops.</p>}
      {res.data?.path && (
        <ol className="path" aria-label="Path">
          {res.data.path.map((n, i) => {
            const hop = res.data!.hops[i];
            return (
              <li key={`${n.id}-${i}`} className="path-step">
                <div className={`path-node ${n.__typename === 'Paper' ? 'paper' : 'entity'}`} data-id={n.id}>
                  {n.__typename === 'Paper' ? (
                    <>
                      <span className="badge t-paper">paper</span> <Link to={{ name: 'paper', id: n.id }}>{n.title}</Link>
                    </>
                  ) : (
                    <>
                      <TypeBadge type={n.type!} /> <EntityLink entity={{ id: n.id, name: n.name!, type: n.type! }} />
                    </>
                  )}
                </div>
                {hop && (
                  <div className="hop">
                    <span className="hop-role">{hop.role === 'VARIANT_OF' ? 'variant of' : ROLE_LABEL[hop.role]}</span>
                    {hop.evidence && (
                      <div className="hop-evidence small">
                        <Sentence ev={hop.evidence} />
                      </div>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
