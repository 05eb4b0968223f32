import { ApiError } from '../api/client';

/** An API error as the admin should read it: what failed, the status, and every coded error of the problem. */
export function ErrorBox({ error, what }: { error: unknown; what?: string }) {
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="error-box" role="alert">
      <p>
        <strong>{what ? `${what} failed` : 'Failed'}</strong>
        {api && api.status > 0 && <span className="error-status"> (HTTP {api.status})</span>}: {message}
      </p>
      {api && api.errors.length > 0 && (
        <ul>
          {api.errors.map((e, i) => (
            <li key={i}><code>{e.code}</code>{e.path ? <> at <code>{e.path}</code></> : null}: {e.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
