// Reads a journey (SPEC §2) into the boxes and arrows the canvas draws. The draft being edited may be incomplete or
// wrong, so nothing here assumes a valid journey: unknown shapes are skipped, and an arrow to a node that does not
// exist points at a "missing" box, where the validation problem about it is shown.

export type NodeKind = 'condition' | 'split' | 'wait' | 'waitForEvent' | 'action' | 'jump' | 'end' | 'missing' | 'unknown';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  /** One short line saying what the node does: the action it calls, the event it waits for... */
  detail: string;
  isStart: boolean;
}

export interface GraphEdge {
  /** `${source}:${branch}`: one edge per way out of a node, as the report counts them. */
  id: string;
  source: string;
  target: string;
  /** The report's branch key: "0", "1"... for condition/split branches, "otherwise", "next", "timeout", "error". */
  branch: string;
  /** What the branch means to a reader: a condition, a percentage, "timeout"... */
  label: string;
}

export interface JourneyGraph {
  name: string;
  start: string | null;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

const kinds: ReadonlySet<string> = new Set(['condition', 'split', 'wait', 'waitForEvent', 'action', 'jump', 'end']);

export function readGraph(journey: unknown): JourneyGraph {
  const root = isObject(journey) ? journey : {};
  const nodesJson = isObject(root.nodes) ? root.nodes : {};
  const start = text(root.start);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const known = new Set(Object.keys(nodesJson));
  const missing = new Set<string>();

  const addEdge = (source: string, branch: string, target: unknown, label: string) => {
    const to = text(target);
    if (to === null) {
      return;
    }
    if (!known.has(to)) {
      missing.add(to);
    }
    edges.push({ id: `${source}:${branch}`, source, target: to, branch, label });
  };

  for (const [id, value] of Object.entries(nodesJson)) {
    const node = isObject(value) ? value : {};
    const type = text(node.type) ?? '';
    const kind: NodeKind = kinds.has(type) ? (type as NodeKind) : 'unknown';
    nodes.push({ id, kind, detail: describe(kind, node, type), isStart: id === start });

    const branches = Array.isArray(node.branches) ? node.branches : [];
    switch (kind) {
      case 'condition':
        branches.forEach((branch, index) => {
          const b = isObject(branch) ? branch : {};
          addEdge(id, String(index), b.next, text(b.when) ?? `branch ${index}`);
        });
        addEdge(id, 'otherwise', node.otherwise, 'otherwise');
        break;
      case 'split':
        branches.forEach((branch, index) => {
          const b = isObject(branch) ? branch : {};
          addEdge(id, String(index), b.next, typeof b.percent === 'number' ? `${b.percent}%` : `branch ${index}`);
        });
        break;
      case 'wait':
        addEdge(id, 'next', node.next, 'next');
        break;
      case 'waitForEvent':
        addEdge(id, 'next', node.next, text(node.event) ?? 'event');
        addEdge(id, 'timeout', node.timeoutNext, 'timeout');
        break;
      case 'action':
        addEdge(id, 'next', node.next, 'ok');
        addEdge(id, 'error', node.errorNext, 'error');
        break;
      default:
        addEdge(id, 'next', node.next, 'next');
        break;
    }
  }

  for (const id of missing) {
    nodes.push({ id, kind: 'missing', detail: 'no such node', isStart: false });
  }

  return { name: text(root.name) ?? '', start, nodes, edges };
}

function describe(kind: NodeKind, node: Json, type: string): string {
  switch (kind) {
    case 'condition': {
      const count = Array.isArray(node.branches) ? node.branches.length : 0;
      return `${count} condition${count === 1 ? '' : 's'} + otherwise`;
    }
    case 'split':
      return `${Array.isArray(node.branches) ? node.branches.length : 0}-way split`;
    case 'wait':
      return text(node.duration) ? `wait ${node.duration as string}` : text(node.until) ? `until ${node.until as string}` : 'wait';
    case 'waitForEvent':
      return `${text(node.event) ?? 'event'}${text(node.timeout) ? `, ${node.timeout as string}` : ''}`;
    case 'action':
      return text(node.action) ?? 'action';
    case 'jump':
      return `to ${text(node.journey) ?? '?'}`;
    case 'end':
      return 'end';
    default:
      return type ? `type "${type}"` : 'no type';
  }
}

/** The node ids of `path` joined into the edges it took, using the exited steps' branches when known. */
export function pathEdges(graph: JourneyGraph, path: string[], taken: { node: string; branch: string }[] = []): Set<string> {
  const result = new Set<string>();
  const byBranch = new Map(graph.edges.map((e) => [e.id, e]));
  for (const step of taken) {
    if (byBranch.has(`${step.node}:${step.branch}`)) {
      result.add(`${step.node}:${step.branch}`);
    }
  }
  if (result.size === 0) {
    for (let i = 0; i + 1 < path.length; i++) {
      const edge = graph.edges.find((e) => e.source === path[i] && e.target === path[i + 1]);
      if (edge) {
        result.add(edge.id);
      }
    }
  }
  return result;
}
