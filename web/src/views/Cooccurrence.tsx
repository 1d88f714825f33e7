import { ENTITY_TYPES, gql, TYPE_LABEL, type EntityRef, type EntityType, type PaperRef } from '../api';
import { EntityLink, ErrorBox, Link, Loading } from '../components';
import { settled, useData, useReady } from '../hooks';
import { navigate } from '../router';

const CELLS = 100;
const SIDE = 15;

interface Cell {
  row: EntityRef;
  column: EntityRef;
  papers: number;
}

const COOCCURRENCE = `query Cooccurrence($rows: EntityType!, $columns: EntityType!) {
  cooccurrence(rows: $rows, columns: $columns, first: ${CELLS}) { papers row { id name type } column { id name type } }
}`;

const CELL_PAPERS = `query CellPapers($row: ID!, $column: ID!) {
  papers(where: { all: [{ id: $row }, { id: $column }] }, first: 20) { totalCount edges { node { id title published } } }
}`;

/** The entities of one axis, most papers in the table first, at most `n`. */
function axis(cells: Cell[], pick: (c: Cell) => EntityRef, n: number): EntityRef[] {
  const sums = new Map<string, { e: EntityRef; sum: number }>();
  for (const c of cells) {
    const e = pick(c);
    const s = sums.get(e.id) ?? { e, sum: 0 };
    s.sum += c.papers;
    sums.set(e.id, s);
  }
  return [...sums.values()].sort((a, b) => b.sum - a.sum || a.e.name.localeCompare(b.e.name)).slice(0, n).map((s) => s.e);
}

function AxisSelect({ label, value, onChange }: { label: string; value: EntityType; onChange: (t: EntityType) => void }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value as EntityType)}>
        {ENTITY_TYPES.map((t) => (
          <option key={t} value={t}>
            {TYPE_LABEL[t]}s
          </option>
        ))}
      </select>
    </label>
  );
}

export function Cooccurrence({ rows, columns, cell }: { rows: EntityType; columns: EntityType; cell: [string, string] | null }) {
  const table = useData(`${rows}|${columns}`, (signal) => gql<{ cooccurrence: Cell[] }>(COOCCURRENCE, { rows, columns }, signal));
  const papers = useData(cell ? cell.join('|') : null, (signal) =>
    gql<{ papers: { totalCount: number; edges: { node: PaperRef }[] } }>(CELL_PAPERS, { row: cell![0], column: cell![1] }, signal),
  );
  useReady('cooccurrence', settled(table) && (!cell || settled(papers)));
  const cells = table.data?.cooccurrence ?? [];
  const colList = axis(cells, (c) => c.column, SIDE);
  const shownColumns = new Set(colList.map((c) => c.id));
  // Rows ranked by what they share with the columns shown, so no row is empty.
  const rowList = axis(cells.filter((c) => shownColumns.has(c.column.id)), (c) => c.row, SIDE);
  const count = new Map(cells.map((c) => [`${c.row.id} ${c.column.id}`, c.papers]));
  const max = Math.max(1, ...cells.map((c) => c.papers));
  const names = new Map([...rowList, ...colList].map((e) => [e.id, e]));
  const select = (t: EntityType, which: 'rows' | 'columns') => navigate({ name: 'cooccurrence', rows, columns, [which]: t, cell: null });

  return (
    <section className="cooc">
      <h1>Which appear together</h1>
      <p className="muted">
        Papers naming both entities, for the {CELLS} most frequent pairs. Click a cell for its papers.
      </p>
      <div className="axis-pick">
        <AxisSelect label="Rows" value={rows} onChange={(t) => select(t, 'rows')} />
        <AxisSelect label="× columns" value={columns} onChange={(t) => select(t, 'columns')} />
      </div>
      {table.error && <ErrorBox error={table.error} />}
      {table.loading && <Loading what="the table" />}
      {table.data && cells.length === 0 && <p className="muted">No paper names both a {TYPE_LABEL[rows]} and a {TYPE_LABEL[columns]}.</p>}
      {cells.length > 0 && (
        <div className="heatmap-wrap">
          <table className="heatmap">
            <thead>
              <tr>
                <th />
                {colList.map((c) => (
                  <th key={c.id} className="col-head">
                    <div>
                      <EntityLink entity={c} />
                    </div>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rowList.map((r) => (
                <tr key={r.id}>
                  <th className="row-head">
                    <EntityLink entity={r} />
                  </th>
                  {colList.map((c) => {
                    const n = count.get(`${r.id} ${c.id}`) ?? 0;
                    const on = cell?.[0] === r.id && cell?.[1] === c.id;
                    return (
                      <td key={c.id}>
                        {n > 0 && (
                          <button
                            type="button"
                            className={`cell${on ? ' on' : ''}`}
                            style={{ backgroundColor: `rgba(25, 113, 194, ${0.12 + (0.88 * n) / max})`, color: n / max > 0.5 ? '#fff' : '#0b2540' }}
                            title={`${r.name} × ${c.name}: ${n} papers`}
                            data-row={r.id}
                            data-column={c.id}
                            onClick={() => navigate({ name: 'cooccurrence', rows, columns, cell: [r.id, c.id] })}
                          >
                            {n}
                          </button>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cell && (
        <div className="cell-papers">
          <h2>
            Papers with {names.get(cell[0])?.name ?? cell[0]} and {names.get(cell[1])?.name ?? cell[1]}
          </h2>
          {papers.error && <ErrorBox error={papers.error} />}
          {papers.loading && <Loading what="papers" />}
          {papers.data && (
            <ol className="papers">
              {papers.data.papers.edges.map(({ node }) => (
                <li key={node.id}>
                  <Link to={{ name: 'paper', id: node.id }}>{node.title}</Link>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
