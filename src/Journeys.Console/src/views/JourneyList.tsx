import { useState } from 'react';
import { call, segment } from '../api/client';
import type { JourneyReport, JourneyView } from '../api/types';
import { usePoller } from '../api/poller';
import { formatCount, formatTime } from '../canvas/format';
import { href } from '../router';
import { StatusBadge } from './StatusBadge';
import { ErrorBox } from './ErrorBox';

interface Totals { entered: number; active: number; errored: number }

function totals(report: JourneyReport): Totals {
  return report.versions.reduce<Totals>(
    (sum, v) => ({ entered: sum.entered + v.entered, active: sum.active + v.active, errored: sum.errored + v.errored }),
    { entered: 0, active: 0, errored: 0 });
}

/** Every journey with its status, live version and counts over all its versions, refreshed live. */
export function JourneyList() {
  const [journeys, setJourneys] = useState<JourneyView[] | null>(null);
  const [counts, setCounts] = useState<Record<string, Totals>>({});
  const [error, setError] = useState<unknown>(null);

  // One request at a time: the list now and then, each journey's report in turn.
  const tasks: Parameters<typeof usePoller>[0] = {
    list: {
      everyMs: 6000,
      run: async (signal) => {
        try {
          const list = await call<JourneyView[]>('GET', '/journeys', { signal });
          setJourneys([...list].sort((a, b) => a.id.localeCompare(b.id)));
          setError(null);
        } catch (e) {
          setError(e);
        }
      },
    },
  };
  for (const journey of journeys ?? []) {
    if (journey.versions.length === 0) continue; // Never published: nothing to count.
    tasks[`report:${journey.id}`] = {
      everyMs: 3000,
      run: async (signal) => {
        const report = await call<JourneyReport>('GET', `/journeys/${segment(journey.id)}/report`, { signal });
        setCounts((c) => ({ ...c, [journey.id]: totals(report) }));
      },
    };
  }
  usePoller(tasks);

  return (
    <section className="page list-page" aria-labelledby="list-title">
      <div className="page-head">
        <h1 id="list-title">Journeys</h1>
        <p className="muted">Counts cover every version and refresh while this page is open.</p>
      </div>
      <ErrorBox error={error} what="Loading the journeys" />
      {journeys === null && !error && <p className="muted">Loading…</p>}
      {journeys !== null && journeys.length === 0 && (
        <p className="empty">No journeys yet. Define one with <code>PUT /api/journeys/&#123;id&#125;</code> (see the README).</p>
      )}
      {journeys !== null && journeys.length > 0 && (
        <table className="table journeys-table">
          <thead>
            <tr>
              <th scope="col">Journey</th>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">Live version</th>
              <th scope="col" className="num">Entered</th>
              <th scope="col" className="num">Active</th>
              <th scope="col" className="num">Errored</th>
              <th scope="col">Draft saved</th>
            </tr>
          </thead>
          <tbody>
            {journeys.map((journey) => {
              const c = counts[journey.id];
              const draft = journey.draft as { name?: unknown } | null;
              return (
                <tr key={journey.id} data-journey={journey.id}>
                  <th scope="row"><a href={href({ page: 'journey', id: journey.id, tab: 'overview' })}>{journey.id}</a></th>
                  <td>{typeof draft?.name === 'string' ? draft.name : ''}</td>
                  <td><StatusBadge status={journey.status} /></td>
                  <td className="num">{journey.liveVersion ?? '—'}</td>
                  <td className="num" data-count="entered">{c ? formatCount(c.entered) : journey.versions.length ? '…' : '0'}</td>
                  <td className="num" data-count="active">{c ? formatCount(c.active) : journey.versions.length ? '…' : '0'}</td>
                  <td className={`num${c && c.errored > 0 ? ' has-errors' : ''}`} data-count="errored">{c ? formatCount(c.errored) : journey.versions.length ? '…' : '0'}</td>
                  <td>{formatTime(journey.updatedAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
