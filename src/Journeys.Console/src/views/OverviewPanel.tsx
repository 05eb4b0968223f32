import type { VersionReport } from '../api/types';
import type { JourneyGraph } from '../canvas/graph';
import { formatCount } from '../canvas/format';

/** The counts of one version: totals, discards by reason, and a table of every node (the canvas as text). */
export function OverviewPanel({ graph, version, selected, onSelect }: {
  graph: JourneyGraph;
  version: VersionReport | null;
  selected: string | null;
  onSelect: (id: string | null) => void;
}) {
  if (!version) {
    return <p className="muted">No published version yet: publish the draft to see counts.</p>;
  }
  const discards = Object.entries(version.discarded);
  const totals: [string, number][] = [
    ['entered', version.entered], ['active', version.active], ['completed', version.completed],
    ['errored', version.errored], ['stopped', version.stopped], ['timed out', version.timedOut],
  ];
  return (
    <div className="overview">
      <h2 className="panel-title">Version {version.version} <span className={`status status-${version.status}`}>{version.status}</span></h2>
      <dl className="totals" data-version={version.version}>
        {totals.map(([name, value]) => (
          <div key={name} className={name === 'errored' && value > 0 ? 'has-errors' : undefined}>
            <dt>{name}</dt><dd data-total={name}>{formatCount(value)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">
        Discarded: {discards.length === 0 ? 'none' : discards.map(([reason, n]) => `${reason} ${formatCount(n)}`).join(', ')}
      </p>
      <table className="table nodes-table">
        <caption className="sr-only">Counts per node of version {version.version}</caption>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col" className="num">Entered</th>
            <th scope="col" className="num">Waiting</th>
            <th scope="col" className="num">Errors</th>
            <th scope="col">Branches</th>
          </tr>
        </thead>
        <tbody>
          {graph.nodes.map((node) => {
            const counts = version.nodes[node.id];
            const edges = graph.edges.filter((e) => e.source === node.id);
            return (
              <tr key={node.id} className={selected === node.id ? 'selected' : undefined} data-node-row={node.id}>
                <th scope="row">
                  <button type="button" className="link" aria-pressed={selected === node.id}
                    onClick={() => onSelect(selected === node.id ? null : node.id)}>{node.id}</button>
                </th>
                <td className="num">{formatCount(counts?.entered)}</td>
                <td className="num">{formatCount(counts?.waiting)}</td>
                <td className={`num${(counts?.errors ?? 0) > 0 ? ' has-errors' : ''}`}>{formatCount(counts?.errors)}</td>
                <td className="branches">
                  {edges.map((e) => `${e.label.length > 24 ? `${e.label.slice(0, 23)}…` : e.label} ${formatCount(counts?.branches?.[e.branch])}`).join(' · ')}
                  {counts?.actions && <span className="muted"> · {formatCount(counts.actions.calls)} calls, {counts.actions.averageMs.toFixed(0)} ms avg</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
