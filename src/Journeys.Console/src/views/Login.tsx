import { useState, type FormEvent } from 'react';
import { ApiError, call, setKey } from '../api/client';

/** Asks for the admin key once per browser session, checks it against the host, then keeps it in sessionStorage. */
export function Login({ notice, onSignedIn }: { notice: string | null; onSignedIn: () => void }) {
  const [key, setKeyText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = key.trim();
    if (!trimmed) {
      setError('Enter the admin key.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('GET', '/journeys', { key: trimmed });
      setKey(trimmed);
      setKeyText('');
      onSignedIn();
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401
        ? 'The host refused this key (401). Use the admin key, not the ingest key.'
        : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    // The input has no name and the form posts nowhere: even without script, the key cannot end up in a URL.
    <main className="login">
      <form className="login-card" method="post" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <h1 id="login-title">Journeys console</h1>
        <p className="muted">
          Enter the host's admin key. It stays in this browser tab's session storage and is sent only in the
          <code> x-api-key</code> header.
        </p>
        {notice && <p className="notice" role="status">{notice}</p>}
        <label htmlFor="admin-key">Admin key</label>
        <input id="admin-key" type="password" autoComplete="off" spellCheck={false}
          value={key} onChange={(e) => setKeyText(e.target.value)} aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'login-error' : undefined} />
        {error && <p id="login-error" className="error" role="alert">{error}</p>}
        <button type="submit" className="button primary" disabled={busy}>{busy ? 'Checking…' : 'Sign in'}</button>
      </form>
    </main>
  );
}
