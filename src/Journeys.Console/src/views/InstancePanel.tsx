import { useState, type FormEvent } from 'react';
import { call, segment } from '../api/client';
import type { InstanceView, StepEvent } from '../api/types';
import { formatTime } from '../canvas/format';
import { StatusBadge } from './StatusBadge';
import { ErrorBox } from './ErrorBox';

/** The nodes an instance entered, in order, and the branches it left them by: its path on the canvas. */
export function instancePath(instance: InstanceView): { nodes: string[]; taken: { node: string; branch: string }[] } {
  const nodes: string[] = [];
  const taken: { node: string; branch: string }[] = [];
  for (const step of instance.steps) {
    if (step.kind === 'entered' && step.node) nodes.push(step.node);
    if (step.kind === 'exited' && step.node && step.branch) taken.push({ node: step.node, branch: step.branch });
  }
  return { nodes, taken };
}

function describeStep(step: StepEvent): string {
  switch (step.kind) {
    case 'started': return `started${step.outcome ? ` at ${step.outcome}` : ''}`;
    case 'entered': return 'entered';
    case 'exited': return step.target ? `left by ${step.branch ?? 'next'} to ${step.target}` : 'left';
    case 'waiting': return `waiting (${step.outcome ?? 'wait'})`;
    case 'resumed': return `resumed (${step.outcome ?? ''})`;
    case 'actionResult': return `action ${step.outcome ?? ''}${step.statusCode ? ` HTTP ${step.statusCode}` : ''}${step.latencyMs != null ? `, ${step.latencyMs} ms` : ''}`;
    case 'dataFetched': return `data ${step.outcome ?? ''}${step.code ? ' failed' : ''}`;
    case 'ended': return `ended ${step.outcome ?? ''}`;
    default: return step.kind;
  }
}

export function InstancePanel({ journeyId, profileId, onProfileId, instance, onInstance }: {
  journeyId: string;
  profileId: string;
  onProfileId: (profileId: string) => void;
  instance: InstanceView | null;
  onInstance: (instance: InstanceView | null) => void;
}) {
  const [text, setText] = useState(profileId);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const lookUp = async (event: FormEvent) => {
    event.preventDefault();
    const id = text.trim();
    if (!id) return;
    setBusy(true);
    setError(null);
    onInstance(null);
    onProfileId(id);
    try {
      onInstance(await call<InstanceView>('GET', `/journeys/${segment(journeyId)}/instances/${segment(id)}`));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="instance">
      <form className="inline-form" onSubmit={(e) => void lookUp(e)} role="search" aria-label="Instance lookup">
        <label htmlFor="profile-id">Profile id</label>
        <input id="profile-id" type="search" value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} autoComplete="off" />
        <button type="submit" className="button primary" disabled={busy || !text.trim()}>Look up</button>
      </form>
      <ErrorBox error={error} what="Looking up the instance" />
      {instance && (
        <>
          <dl className="facts" data-instance={instance.instanceId}>
            <div><dt>Status</dt><dd><StatusBadge status={instance.status} /></dd></div>
            <div><dt>Current node</dt><dd data-current-node>{instance.node ?? '—'}</dd></div>
            <div><dt>Version</dt><dd>{instance.version}</dd></div>
            {instance.waiting && instance.waiting !== 'none' && <div><dt>Waiting for</dt><dd>{instance.waiting}{instance.wakeAt ? ` until ${formatTime(instance.wakeAt)}` : ''}</dd></div>}
            <div><dt>Started</dt><dd>{formatTime(instance.startedAt)}</dd></div>
            {instance.endedAt && <div><dt>Ended</dt><dd>{formatTime(instance.endedAt)}</dd></div>}
          </dl>
          <p className="muted small">Its path is highlighted on the canvas. Times are journey time.</p>
          <h2 className="panel-subtitle">Steps</h2>
          <ol className="timeline">
            {instance.steps.map((step) => (
              <li key={step.sequence} className={`step step-${step.kind}${step.code ? ' step-error' : ''}`}>
                <time dateTime={step.at}>{formatTime(step.at)}</time>
                <span className="step-text">
                  {step.node && <span className="step-node">{step.node}</span>} <span className="step-what">{describeStep(step)}</span>
                </span>
                {(step.code || step.message) && (
                  <span className={step.code ? 'step-message failed' : 'step-message'}>{step.code ? `${step.code}: ` : ''}{step.message}</span>
                )}
              </li>
            ))}
          </ol>
          {instance.previous && instance.previous.length > 0 && (
            <p className="muted small">Earlier instances of this profile: {instance.previous.map((p) => `${p.instanceId} (v${p.version}, ${p.status})`).join(', ')}.</p>
          )}
        </>
      )}
    </div>
  );
}
