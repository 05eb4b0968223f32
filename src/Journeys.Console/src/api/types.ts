// The JSON of SPEC §6 and §8 as the console reads it. Only the fields the console uses are typed; the journey draft
// stays `unknown` until graph.ts reads it, because a draft being edited may be anything.

export type JourneyStatus = 'draft' | 'live' | 'closed' | 'stopped' | string;

export interface VersionSummary {
  version: number;
  status: string;
  publishedAt: string;
  endedAt?: string | null;
}

export interface JourneyView {
  id: string;
  etag: string;
  updatedAt: string;
  status: JourneyStatus;
  liveVersion?: number | null;
  versions: VersionSummary[];
  draft: unknown;
}

export interface NodeReport {
  entered: number;
  exited: number;
  errors: number;
  waiting: number;
  branches: Record<string, number>;
  actions?: { calls: number; averageMs: number; maxMs: number } | null;
}

export interface VersionReport {
  version: number;
  status: string;
  entered: number;
  active: number;
  completed: number;
  errored: number;
  stopped: number;
  timedOut: number;
  discarded: Record<string, number>;
  nodes: Record<string, NodeReport>;
}

export interface JourneyReport {
  journey: string;
  versions: VersionReport[];
}

export interface ValidationIssue {
  code: string;
  node?: string | null;
  path: string;
  message: string;
}

export interface ValidationResponse {
  valid: boolean;
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
}

export interface StepEvent {
  sequence: number;
  kind: string;
  node?: string | null;
  at: string;
  branch?: string | null;
  target?: string | null;
  outcome?: string | null;
  code?: string | null;
  message?: string | null;
  statusCode?: number | null;
  latencyMs?: number | null;
}

export interface InstanceView {
  journey: string;
  profileId: string;
  instanceId: string;
  version: number;
  status: string;
  node?: string | null;
  waiting?: string | null;
  wakeAt?: string | null;
  startedAt: string;
  endedAt?: string | null;
  steps: StepEvent[];
  previous?: { instanceId: string; version: number; status: string; startedAt: string; endedAt?: string | null }[];
}

export interface SimulatedCall {
  node: string;
  action: string;
  at: string;
  request?: { url?: string; headers?: Record<string, string>; body?: unknown };
}

export interface SimulatedInstance {
  profileId: string;
  status: string;
  path: string[];
  steps?: StepEvent[];
  calls?: SimulatedCall[];
}

export interface SimulationResponse {
  instances: SimulatedInstance[];
  discarded?: unknown[];
  /** Per node as in the report route; some hosts may wrap it as `{ nodes: {...} }`. */
  report?: Record<string, NodeReport> | { nodes: Record<string, NodeReport> };
}

export interface EventDefinition {
  fields?: Record<string, string>;
  profileId?: string;
  eventKey?: string;
  match?: string;
}
