import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { call, segment } from '../api/client';
import type { InstanceView, JourneyReport, JourneyView, NodeReport, SimulationResponse, ValidationIssue } from '../api/types';
import { usePoller } from '../api/poller';
import { JourneyCanvas, type Highlight } from '../canvas/JourneyCanvas';
import { pathEdges, readGraph, type JourneyGraph } from '../canvas/graph';
import type { EditorIssue } from '../editor/JsonEditor';
import { href, type Tab } from '../router';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog';
import { DraftPanel, issueNode } from './DraftPanel';
import { ErrorBox } from './ErrorBox';
import { InstancePanel, instancePath } from './InstancePanel';
import { OverviewPanel } from './OverviewPanel';
import { StatusBadge } from './StatusBadge';
import { TestPanel, simulationCounts } from './TestPanel';

const tabNames: Record<Tab, string> = { overview: 'Counts', draft: 'Draft', instance: 'Instance', test: 'Test' };

/** Report every 2 s: a change is on the canvas within 5 s even with the instance view polling too. */
const reportEveryMs = 2000;
const instanceEveryMs = 3000;

function pretty(draft: unknown): string {
  return JSON.stringify(draft ?? {}, null, 2);
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** One journey: the canvas with live counts, and beside it the counts, the draft, an instance or a test run. */
export function JourneyPage({ id, tab }: { id: string; tab: Tab }) {
  const [journey, setJourney] = useState<JourneyView | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [report, setReport] = useState<JourneyReport | null>(null);
  const [reportError, setReportError] = useState<unknown>(null);
  const [chosenVersion, setChosenVersion] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [savedText, setSavedText] = useState('');
  const [issues, setIssues] = useState<EditorIssue[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [profileId, setProfileId] = useState('');
  const [instance, setInstance] = useState<InstanceView | null>(null);
  const [scenario, setScenario] = useState<string | null>(null);
  const [simulation, setSimulation] = useState<SimulationResponse | null>(null);
  const [simulated, setSimulated] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState<ConfirmRequest | null>(null);
  const base = `/journeys/${segment(id)}`;

  const load = useCallback(async () => {
    try {
      const loaded = await call<JourneyView>('GET', base);
      setJourney(loaded);
      const loadedText = pretty(loaded.draft);
      setText(loadedText);
      setSavedText(loadedText);
      setLoadError(null);
    } catch (e) {
      setLoadError(e);
    }
  }, [base]);

  useEffect(() => {
    void load();
  }, [load]);

  const poller = usePoller({
    report: journey && journey.versions.length > 0 ? {
      everyMs: reportEveryMs,
      run: async (signal) => {
        try {
          setReport(await call<JourneyReport>('GET', `${base}/report`, { signal }));
          setReportError(null);
        } catch (e) {
          if (!(e instanceof DOMException)) setReportError(e);
        }
      },
    } : null,
    instance: tab === 'instance' && instance && instance.status === 'active' ? {
      everyMs: instanceEveryMs,
      run: async (signal) => {
        setInstance(await call<InstanceView>('GET', `${base}/instances/${segment(instance.profileId)}`, { signal }));
      },
    } : null,
  });

  // The canvas draws what the editor holds whenever it parses (what the admin is about to save), else the saved draft.
  const deferredText = useDeferredValue(text);
  const graph: JourneyGraph = useMemo(() => {
    const edited = parseOrNull(deferredText);
    return readGraph(edited ?? journey?.draft ?? {});
  }, [deferredText, journey]);

  const version = useMemo(() => {
    if (!report || report.versions.length === 0) return null;
    const wanted = chosenVersion ?? journey?.liveVersion ?? report.versions[0]!.version;
    return report.versions.find((v) => v.version === wanted) ?? report.versions[0]!;
  }, [report, chosenVersion, journey]);

  const showSimulation = tab === 'test' && simulation !== null;
  const counts: Record<string, NodeReport> | null = showSimulation ? simulationCounts(simulation!) : version?.nodes ?? null;

  const problems = useMemo(() => {
    const byNode = new Map<string, ValidationIssue[]>();
    for (const issue of issues) {
      const node = issueNode(issue);
      if (node) byNode.set(node, [...(byNode.get(node) ?? []), issue]);
    }
    return byNode;
  }, [issues]);

  const highlight: Highlight | null = useMemo(() => {
    if (tab === 'instance' && instance) {
      const { nodes, taken } = instancePath(instance);
      return { nodes: new Set(nodes), edges: pathEdges(graph, nodes, taken), current: instance.status === 'active' ? instance.node : null };
    }
    if (tab === 'test' && simulation && simulated) {
      const run = simulation.instances.find((i) => i.profileId === simulated);
      if (run) {
        const taken = (run.steps ?? []).filter((s) => s.kind === 'exited' && s.node && s.branch).map((s) => ({ node: s.node!, branch: s.branch! }));
        return { nodes: new Set(run.path), edges: pathEdges(graph, run.path, taken), current: null };
      }
    }
    return null;
  }, [tab, instance, simulation, simulated, graph]);

  const onJourney = useCallback((saved: JourneyView, savedAs: string) => {
    setJourney(saved);
    setSavedText(savedAs);
  }, []);

  const onLifecycle = useCallback(() => {
    void load();
    poller.soon('report');
  }, [load, poller]);

  if (loadError && !journey) {
    return (
      <section className="page">
        <h1>{id}</h1>
        <ErrorBox error={loadError} what="Loading the journey" />
        <p><a href={href({ page: 'list' })}>Back to the journeys</a></p>
      </section>
    );
  }
  if (!journey) {
    return <section className="page"><p className="muted">Loading {id}…</p></section>;
  }

  const draft = journey.draft as { name?: unknown; entry?: unknown } | null;
  const name = typeof draft?.name === 'string' ? draft.name : '';
  const entry = typeof draft?.entry === 'string' ? draft.entry : null;
  const countsCaption = showSimulation
    ? 'Counts: this simulation'
    : version ? `Counts: version ${version.version} (${version.status})` : 'No published version: no counts yet';

  return (
    <section className={`page journey-page tab-${tab}`} aria-labelledby="journey-title">
      <div className="journey-head">
        <div>
          <h1 id="journey-title">{name || id} {name && <span className="journey-id">{id}</span>}</h1>
          <p className="meta">
            <StatusBadge status={journey.status} />
            <span>live version {journey.liveVersion ?? 'none'}</span>
            <span>entry <code>{entry ?? '?'}</code></span>
            {report && report.versions.length > 1 && !showSimulation && (
              <label className="version-select">
                Counts of version{' '}
                <select value={version?.version ?? ''} onChange={(e) => setChosenVersion(Number(e.target.value))}>
                  {report.versions.map((v) => <option key={v.version} value={v.version}>{v.version} ({v.status})</option>)}
                </select>
              </label>
            )}
          </p>
        </div>
        <nav className="tabs" aria-label="Journey views">
          {(Object.keys(tabNames) as Tab[]).map((t) => (
            <a key={t} href={href({ page: 'journey', id, tab: t })} aria-current={t === tab ? 'page' : undefined} className={t === tab ? 'active' : undefined}>
              {tabNames[t]}
            </a>
          ))}
        </nav>
      </div>
      <div className="workspace">
        <div className="canvas-area" aria-label={`Canvas of ${id}`} role="region">
          <p className="canvas-caption" aria-live="polite" data-counts-source={showSimulation ? 'simulation' : version ? `version-${version.version}` : 'none'}>
            {countsCaption}
          </p>
          <JourneyCanvas graph={graph} counts={counts} problems={problems} highlight={highlight}
            selected={selected} onSelect={setSelected} />
          {reportError ? <div className="canvas-alert"><ErrorBox error={reportError} what="Refreshing the counts" /></div> : null}
        </div>
        <aside className="side" aria-label={tabNames[tab]}>
          {tab === 'overview' && <OverviewPanel graph={graph} version={version} selected={selected} onSelect={setSelected} />}
          {tab === 'draft' && (
            <DraftPanel journey={journey} text={text} savedText={savedText} onText={setText} issues={issues}
              onIssues={setIssues} onJourney={onJourney} onLifecycle={onLifecycle} confirm={setConfirmation} />
          )}
          {tab === 'instance' && (
            <InstancePanel journeyId={id} profileId={profileId} onProfileId={setProfileId} instance={instance} onInstance={setInstance} />
          )}
          {tab === 'test' && (
            <TestPanel journeyId={id} entry={entry} scenario={scenario} onScenario={setScenario} result={simulation}
              onResult={setSimulation} selected={simulated} onSelect={setSimulated} />
          )}
        </aside>
      </div>
      <ConfirmDialog request={confirmation} onClose={() => setConfirmation(null)} />
    </section>
  );
}
