// The only way the console talks to a host: the public API (SPEC §6) with the admin key in a header.
// The key lives in sessionStorage (this tab, this browser session) and nowhere else: never in a URL, a cookie or
// localStorage.

const keyStorageName = 'journeys.adminKey';

export interface ConsoleConfig {
  /** Origin of the API; empty for the same origin as the console (the embedded host). */
  apiBase: string;
  /** Header carrying the key: x-api-key on the embedded host, x-functions-key on the Azure Functions app. */
  keyHeader: string;
}

let config: ConsoleConfig = { apiBase: '', keyHeader: 'x-api-key' };

/** Reads config.json beside index.html, which a static host replaces to point the console at another API. */
export async function loadConfig(): Promise<ConsoleConfig> {
  try {
    const response = await fetch('config.json', { cache: 'no-store', credentials: 'omit' });
    if (response.ok) {
      const body = (await response.json()) as Partial<ConsoleConfig>;
      config = {
        apiBase: typeof body.apiBase === 'string' ? body.apiBase.replace(/\/+$/, '') : '',
        keyHeader: typeof body.keyHeader === 'string' && body.keyHeader ? body.keyHeader : 'x-api-key',
      };
    }
  } catch {
    // No config: the same origin, as served by the embedded host.
  }
  return config;
}

export function getKey(): string | null {
  return sessionStorage.getItem(keyStorageName);
}

export function setKey(key: string): void {
  sessionStorage.setItem(keyStorageName, key);
}

export function clearKey(): void {
  sessionStorage.removeItem(keyStorageName);
}

export interface ProblemError {
  code: string;
  path?: string;
  message: string;
}

/** A failed call: the HTTP status and, when the host sent an RFC 7807 problem, its title, detail and errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly errors: ProblemError[];
  readonly body: unknown;

  constructor(status: number, title: string, detail: string | undefined, errors: ProblemError[], body: unknown) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.errors = errors;
    this.body = body;
  }
}

/** Called when the host refuses the key, so the app can ask for it again. */
let onUnauthorized: (() => void) | null = null;

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export interface CallOptions {
  body?: unknown;
  ifMatch?: string;
  signal?: AbortSignal;
  /** A key to try instead of the stored one (the login form checks a key before storing it). */
  key?: string;
}

/** Calls `/api/...`; resolves with the parsed JSON body, or rejects with an ApiError. */
export async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
  const key = options.key ?? getKey();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (key) {
    headers[config.keyHeader] = key;
  }
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  if (options.ifMatch) {
    headers['if-match'] = options.ifMatch;
  }

  let response: Response;
  try {
    response = await fetch(`${config.apiBase}/api${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, 'The host cannot be reached', error instanceof Error ? error.message : String(error), [], null);
  }

  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }

  if (!response.ok) {
    if (response.status === 401 && options.key === undefined) {
      onUnauthorized?.();
    }
    const problem = (typeof body === 'object' && body !== null ? body : {}) as { title?: string; detail?: string; errors?: ProblemError[] };
    const title = problem.title ?? `${method} /api${path} answered ${response.status} ${response.statusText || statusText(response.status)}`;
    const errors = Array.isArray(problem.errors) ? problem.errors : [];
    throw new ApiError(response.status, title, problem.detail, errors, body);
  }
  return body as T;
}

function statusText(status: number): string {
  switch (status) {
    case 404: return 'Not Found';
    case 405: return 'Method Not Allowed';
    case 409: return 'Conflict';
    case 412: return 'Precondition Failed';
    default: return '';
  }
}

/** A path segment, escaped: ids come from the host, but a profile id is typed by the admin. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
