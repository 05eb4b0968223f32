import { useEffect, useState } from 'react';
import { call, segment } from '../api/client';
import type { EventDefinition, NodeReport, SimulationResponse } from '../api/types';
import { JsonEditor } from '../editor/JsonEditor';
import { StatusBadge } from './StatusBadge';
import { ErrorBox } from './ErrorBox';

/** The per-node counts of a simulation's report, whichever way the host shapes it (SPEC §8: "per node as in the report route"). */
export function simulationCounts(response: SimulationResponse): Record<string, NodeReport> {
  const report = response.report as Record<string, unknown> | undefined;
  if (!report) return {};
  const nodes = report.nodes;
  return (typeof nodes === 'object' && nodes !== null ? nodes : report) as Record<string, NodeReport>;
}

/** A placeholder value for a declared field type, so the scenario template is valid for the entry event. */
function sample(type: string, field: string): unknown {
  switch (type) {
    case 'number': return 1;
    case 'boolean': return true;
    case 'datetime': return '2026-01-05T09:00:00Z';
    case 'object': return {};
    case 'array': return [];
    default: {
      const name = field.split('.').pop() ?? field;
      return field === 'id' ? 'e1' : /email/i.test(name) ? 'p1@example.com' : `${name}-1`;
    }
  }
}

function eventFrom(definition: EventDefinition | null, entry: string, profileExpression: string | undefined): Record<string, unknown> {
  const event: Record<string, unknown> = {};
  const set = (path: string, value: unknown) => {
    const parts = path.split('.');
    let target = event;
    parts.slice(0, -1).forEach((part) => {
      if (typeof target[part] !== 'object' || target[part] === null) target[part] = {};
      target = target[part] as Record<string, unknown>;
    });
    target[parts[parts.length - 1]!] = value;
  };
  for (const [field, type] of Object.entries(definition?.fields ?? {})) {
    set(field, sample(type, field));
  }
  if (profileExpression && /^[A-Za-z_][\w.]*$/.test(profileExpression)) set(profileExpression, 'p1');
  if (definition?.fields?.type) set('type', entry);
  return event;
}

export function scenarioTemplate(entry: string, definition: EventDefinition | null): string {
  const scenario = {
    start: '2026-01-05T09:00:00Z',
    events: [{ at: 'PT0S', event: eventFrom(definition, entry, definition?.profileId) }],
    data: {},
    actions: {},
    until: 'P30D',
  };
  return JSON.stringify(scenario, null, 2);
}

/** Runs a scenario (SPEC §8) against the draft and lists each profile's run; the selected one is drawn on the canvas. */
export function TestPanel({ journeyId, entry, scenario, onScenario, result, onResult, selected, onSelect }: {
  journeyId: string;
  entry: string | null;
  scenario: string | null;
  onScenario: (text: string) => void;
  result: SimulationResponse | null;
  onResult: (result: SimulationResponse | null) => void;
  selected: string | null;
  onSelect: (profileId: string | null) => void;
}) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // A first scenario from the entry event's declared fields, fetched once.
  useEffect(() => {
    if (scenario !== null) return;
    let cancelled = false;
    const fill = (definition: EventDefinition | null) => !cancelled && onScenario(scenarioTemplate(entry ?? 'event', definition));
    if (!entry) {
      fill(null);
    } else {
      call<EventDefinition & { body?: EventDefinition }>('GET', `/events/${segment(entry)}`)
        .then((d) => fill(d.fields ? d : d.body ?? d))
        .catch(() => fill(null));
    }
    return () => {
      cancelled = true;
    };
  }, [scenario, entry, onScenario]);

  const runScenario = async () => {
    setBusy(true);
    setError(null);
    try {
      let body: unknown;
      try {
        body = JSON.parse(scenario ?? '');
      } catch (e) {
        throw new Error(`The scenario is not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
      }
      const response = await call<SimulationResponse>('POST', `/journeys/${segment(journeyId)}/simulate`, { body });
      onResult(response);
      onSelect(response.instances[0]?.profileId ?? null);
    } catch (e) {
      onResult(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="test">
      <p className="muted small">
        Runs the draft against this scenario in virtual time: no live state is touched and no real service is called
        (<code>POST /api/journeys/{journeyId}/simulate</code>).
      </p>
      <div className="editor-frame short">
        {scenario !== null && <JsonEditor value={scenario} onChange={onScenario} label="Test scenario (JSON)" />}
      </div>
      <div className="toolbar">
        <button type="button" className="button primary" disabled={busy || scenario === null} onClick={() => void runScenario()}>
          {busy ? 'Running…' : 'Run scenario'}
        </button>
        {result && <button type="button" className="button quiet" onClick={() => { onResult(null); onSelect(null); }}>Clear result</button>}
      </div>
      <ErrorBox error={error} what="Running the scenario" />
      {result && (
        <>
          <p className="muted small">Canvas counts show this simulation. Pick a profile to draw its path.</p>
          <table className="table sim-table">
            <thead>
              <tr><th scope="col">Profile</th><th scope="col">Status</th><th scope="col">Path</th><th scope="col" className="num">Calls</th></tr>
            </thead>
            <tbody>
              {result.instances.map((instance, index) => (
                <tr key={`${instance.profileId}-${index}`} className={selected === instance.profileId ? 'selected' : undefined} data-profile={instance.profileId}>
                  <th scope="row">
                    <button type="button" className="link" aria-pressed={selected === instance.profileId} onClick={() => onSelect(instance.profileId)}>
                      {instance.profileId}
                    </button>
                  </th>
                  <td><StatusBadge status={instance.status} /></td>
                  <td className="path">{instance.path.join(' → ')}</td>
                  <td className="num">{instance.calls?.length ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.instances.length === 0 && <p className="empty">No profile entered the journey.</p>}
          {(result.discarded?.length ?? 0) > 0 && (
            <details className="discarded">
              <summary>{result.discarded!.length} discarded event{result.discarded!.length === 1 ? '' : 's'}</summary>
              <pre>{JSON.stringify(result.discarded, null, 2)}</pre>
            </details>
          )}
        </>
      )}
    </div>
  );
}
