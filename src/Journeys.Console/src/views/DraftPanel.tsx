import { useState } from 'react';
import { ApiError, call, segment } from '../api/client';
import type { JourneyView, ValidationIssue, ValidationResponse } from '../api/types';
import { JsonEditor, type EditorIssue } from '../editor/JsonEditor';
import { parsePath } from '../editor/jsonPaths';
import type { ConfirmRequest } from './ConfirmDialog';
import { ErrorBox } from './ErrorBox';
import { formatTime } from '../canvas/format';

export function quoteEtag(etag: string): string {
  return etag.startsWith('"') || etag.startsWith('W/') ? etag : `"${etag}"`;
}

/** The node a problem is about: its `node`, or the node its path points into. */
export function issueNode(issue: ValidationIssue): string | null {
  if (issue.node) return issue.node;
  const segments = parsePath(issue.path);
  return segments && segments[0] === 'nodes' && typeof segments[1] === 'string' ? segments[1] : null;
}

export interface DraftPanelProps {
  journey: JourneyView;
  text: string;
  savedText: string;
  onText: (text: string) => void;
  issues: EditorIssue[];
  onIssues: (issues: EditorIssue[]) => void;
  /** After a save or a lifecycle change: the journey as the host now has it. */
  onJourney: (journey: JourneyView, text: string) => void;
  /** After publish, close or stop: counts and statuses change. */
  onLifecycle: () => void;
  confirm: (request: ConfirmRequest) => void;
}

/**
 * The draft as JSON in CodeMirror, with the host's validation problems on their lines (and, through the page, on
 * their nodes), and the lifecycle buttons: save, validate, publish, close, stop (the last three confirm first).
 */
export function DraftPanel({ journey, text, savedText, onText, issues, onIssues, onJourney, onLifecycle, confirm }: DraftPanelProps) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ what: string; error: unknown } | null>(null);
  const [message, setMessage] = useState<{ text: string; good: boolean } | null>(null);
  const [reveal, setReveal] = useState<{ path: string; serial: number } | null>(null);
  const dirty = text !== savedText;
  const base = `/journeys/${segment(journey.id)}`;

  const run = async (what: string, action: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    setMessage(null);
    try {
      await action();
    } catch (e) {
      setError({ what, error: e });
    } finally {
      setBusy(null);
    }
  };

  /** Saves the editor's text when it differs from the host's draft; returns the draft ETag now current. */
  const save = async (): Promise<string> => {
    if (!dirty) return journey.etag;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (e) {
      throw new Error(`The draft is not valid JSON (${e instanceof Error ? e.message : String(e)}); fix the marked line first.`);
    }
    try {
      const saved = await call<JourneyView>('PUT', base, { body, ifMatch: quoteEtag(journey.etag) });
      onJourney(saved, text);
      return saved.etag;
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        throw new Error('The draft was changed by someone else since it was loaded. Copy your edits, reload the page and apply them again.');
      }
      throw e;
    }
  };

  const toIssues = (response: ValidationResponse): EditorIssue[] => [
    ...response.errors.map((i) => ({ ...i, severity: 'error' as const })),
    ...response.warnings.map((i) => ({ ...i, severity: 'warning' as const })),
  ];

  const validate = () => run('Validate', async () => {
    await save();
    const response = await call<ValidationResponse>('POST', `${base}/validate`);
    onIssues(toIssues(response));
    setMessage(response.valid
      ? { text: `Valid${response.warnings.length ? `, with ${response.warnings.length} warning${response.warnings.length === 1 ? '' : 's'}` : ''}.`, good: true }
      : { text: `Not valid: ${response.errors.length} error${response.errors.length === 1 ? '' : 's'}, marked on their nodes and lines.`, good: false });
  });

  const publish = () => confirm({
    title: `Publish ${journey.id}?`,
    body: <p>The draft{dirty ? ' (saved first)' : ''} becomes version {Math.max(0, ...journey.versions.map((v) => v.version)) + 1} and goes live: new entrants start on it{journey.liveVersion ? `, and version ${journey.liveVersion} closes to new entrants while its active instances finish` : ''}.</p>,
    confirmLabel: 'Publish',
    onConfirm: () => void run('Publish', async () => {
      const etag = await save();
      try {
        const result = await call<{ version: number }>('POST', `${base}/publish`, { ifMatch: quoteEtag(etag) });
        onIssues([]);
        setMessage({ text: `Published version ${result.version}; it is live.`, good: true });
      } catch (e) {
        if (e instanceof ApiError && e.status === 409 && e.errors.length > 0) {
          onIssues(e.errors.map((x) => ({ code: x.code, path: x.path ?? '$', message: x.message, node: null, severity: 'error' as const })));
        }
        throw e;
      } finally {
        onLifecycle();
      }
    }),
  });

  const lifecycle = (verb: 'close' | 'stop') => confirm({
    title: `${verb === 'close' ? 'Close' : 'Stop'} ${journey.id}?`,
    body: verb === 'close'
      ? <p>No new profile will enter the journey. Active instances go on to their end.</p>
      : <p>Every active instance of every version ends now with status <strong>stopped</strong>. This cannot be undone.</p>,
    confirmLabel: verb === 'close' ? 'Close journey' : 'Stop journey',
    danger: verb === 'stop',
    onConfirm: () => void run(verb === 'close' ? 'Close' : 'Stop', async () => {
      const result = await call<{ status: string; endedVersions: number[] }>('POST', `${base}/${verb}`);
      setMessage({ text: `The journey is ${result.status}${result.endedVersions.length ? `; version ${result.endedVersions.join(', ')} ${verb === 'close' ? 'closed' : 'stopped'}` : ''}.`, good: true });
      onLifecycle();
    }),
  });

  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const live = journey.liveVersion != null;

  return (
    <div className="draft">
      <div className="toolbar" role="toolbar" aria-label="Draft actions">
        <button type="button" className="button" disabled={!!busy || !dirty} onClick={() => void run('Save', async () => { await save(); setMessage({ text: 'Draft saved.', good: true }); })}>Save draft</button>
        <button type="button" className="button" disabled={!!busy} onClick={() => void validate()}>Validate</button>
        <button type="button" className="button primary" disabled={!!busy} onClick={publish}>Publish…</button>
        <span className="toolbar-gap" />
        <button type="button" className="button" disabled={!!busy || !live} onClick={() => lifecycle('close')}>Close…</button>
        <button type="button" className="button danger" disabled={!!busy || journey.status === 'stopped' || journey.versions.length === 0} onClick={() => lifecycle('stop')}>Stop…</button>
      </div>
      <p className="draft-state muted small" aria-live="polite">
        {busy ? `${busy}…` : dirty ? 'Unsaved changes.' : `Draft saved ${formatTime(journey.updatedAt)}.`}
      </p>
      {message && <p className={message.good ? 'success' : 'notice'} role="status">{message.text}</p>}
      {error && <ErrorBox error={error.error} what={error.what} />}
      <div className="editor-frame">
        <JsonEditor value={text} onChange={onText} issues={issues} label={`Draft of journey ${journey.id} (JSON)`} reveal={reveal} />
      </div>
      {issues.length > 0 && (
        <div className="problems" aria-label="Validation problems">
          <h2 className="panel-subtitle">{errors.length} error{errors.length === 1 ? '' : 's'}, {warnings.length} warning{warnings.length === 1 ? '' : 's'}</h2>
          <ul>
            {issues.map((issue, index) => (
              <li key={index} className={`problem ${issue.severity}`} data-problem-node={issueNode(issue) ?? ''}>
                <button type="button" className="link" onClick={() => setReveal({ path: issue.path, serial: Date.now() })}>
                  <span className="problem-code">{issue.code}</span>
                  {issueNode(issue) && <span className="problem-node">{issueNode(issue)}</span>}
                  <span className="problem-message">{issue.message}</span>
                  <code className="problem-path">{issue.path}</code>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
