import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { JourneyGraph } from './graph';

// The automatic layered layout, left to right (SPEC §9), computed by ELK's layered algorithm: layers follow the
// flow, crossings are minimised, edges are routed orthogonally around the boxes and each edge's label gets a place
// of its own. Positions depend on the graph only, never on the counts, so a live refresh never moves anything.

export const nodeWidth = 232;
export const nodeHeight = 108;
export const labelHeight = 22;
/** Room reserved in every edge label for its count, so that growing counts never overflow it. */
const countSample = '00,000';
const maxLabelChars = 16;

export interface Point { x: number; y: number }

export interface EdgeLayout {
  points: Point[];
  label: { x: number; y: number; width: number; height: number };
}

export interface GraphLayout {
  nodes: Map<string, Point>;
  edges: Map<string, EdgeLayout>;
  width: number;
  height: number;
}

const elk = new ELK();

let measureContext: CanvasRenderingContext2D | null = null;

/** Text width in the label font (the same font as .edge-label in styles.css). */
export function measure(text: string): number {
  if (measureContext === null) {
    measureContext = document.createElement('canvas').getContext('2d');
    if (measureContext) {
      measureContext.font = '500 12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
    }
  }
  return measureContext ? measureContext.measureText(text).width : text.length * 7;
}

export function shortLabel(label: string): string {
  return label.length > maxLabelChars ? `${label.slice(0, maxLabelChars - 1)}…` : label;
}

export function labelWidth(label: string): number {
  // Text, a gap, the count, and the label's horizontal padding and border (see .edge-label).
  return Math.ceil(measure(shortLabel(label)) + 6 + measure(countSample) + 20);
}

/**
 * Edge labels are placed here rather than by ELK: ELK's own label placement turns every label into a node of the
 * layered graph, which doubles the work (a 50-node journey took twice as long to lay out). The layers are spaced to
 * leave room for a label where each edge leaves its node, and a label sits on its edge's first horizontal stretch.
 */
const layerGap = 176;

export async function layoutGraph(graph: JourneyGraph): Promise<GraphLayout> {
  const root: ElkNode = {
    id: '__root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': String(layerGap),
      'elk.layered.spacing.edgeNodeBetweenLayers': '16',
      'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
      'elk.spacing.nodeNode': '40',
      'elk.spacing.edgeNode': '16',
      'elk.spacing.edgeEdge': '24',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.thoroughness': '3',
      'elk.padding': '[top=24,left=24,bottom=24,right=24]',
    },
    children: graph.nodes.map((node) => ({ id: node.id, width: nodeWidth, height: nodeHeight })),
    edges: graph.edges.map<ElkExtendedEdge>((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  };

  const laidOut = await elk.layout(root);
  const nodes = new Map<string, Point>();
  for (const child of laidOut.children ?? []) {
    nodes.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  }
  const edges = new Map<string, EdgeLayout>();
  // Boxes a label must not cover: the nodes, then each label placed before it.
  const placed: Box[] = [...nodes.values()].map((p) => ({ x: p.x, y: p.y, width: nodeWidth, height: nodeHeight }));
  const labels = new Map(graph.edges.map((e) => [e.id, e.label]));
  for (const edge of (laidOut.edges ?? []) as ElkExtendedEdge[]) {
    const points: Point[] = [];
    for (const section of edge.sections ?? []) {
      points.push(section.startPoint, ...(section.bendPoints ?? []), section.endPoint);
    }
    const label = placeLabel(points, labelWidth(labels.get(edge.id) ?? ''), placed);
    placed.push(label);
    edges.set(edge.id, { points, label });
  }
  return { nodes, edges, width: laidOut.width ?? 0, height: laidOut.height ?? 0 };
}

type Box = { x: number; y: number; width: number; height: number };

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * On one of the edge's horizontal stretches, preferring the first one long enough (where the edge leaves its node),
 * at the first position along it, or just above or below it, that covers no node and no label already placed; when
 * every position covers something, the one that covers least.
 */
function placeLabel(points: Point[], width: number, placed: Box[]): Box {
  const height = labelHeight;
  const stretches: { x1: number; x2: number; y: number }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    if (Math.abs(a.y - b.y) < 0.5 && Math.abs(a.x - b.x) > 1) {
      stretches.push({ x1: Math.min(a.x, b.x), x2: Math.max(a.x, b.x), y: a.y });
    }
  }
  if (stretches.length === 0) {
    const start = points[0] ?? { x: 0, y: 0 };
    return { x: start.x + 8, y: start.y - height / 2, width, height };
  }
  const ordered = [...stretches.filter((s) => s.x2 - s.x1 >= width + 16), ...stretches.filter((s) => s.x2 - s.x1 < width + 16)];
  const candidates: Box[] = [];
  for (const stretch of ordered) {
    // Never over the node the stretch runs into: a label longer than its stretch ends just before that node.
    const first = Math.min(stretch.x1 + 10, stretch.x2 - 14 - width);
    const last = Math.max(stretch.x2 - 14 - width, first);
    for (const dy of [-height / 2, -height - 3, 3]) {
      for (let x = first; x <= last; x += 16) {
        candidates.push({ x, y: stretch.y + dy, width, height });
      }
    }
  }
  const covered = (c: Box) => placed.reduce((sum, p) => sum + (overlaps(c, p)
    ? (Math.min(c.x + c.width, p.x + p.width) - Math.max(c.x, p.x)) * (Math.min(c.y + c.height, p.y + p.height) - Math.max(c.y, p.y))
    : 0), 0);
  let best = candidates[0]!;
  let bestCovered = Infinity;
  for (const candidate of candidates) {
    const area = covered(candidate);
    if (area === 0) return candidate;
    if (area < bestCovered) {
      best = candidate;
      bestCovered = area;
    }
  }
  return best;
}

/** An SVG path through `points` with rounded corners, as orthogonal routes read best. */
export function roundedPath(points: Point[], radius = 8): string {
  if (points.length === 0) {
    return '';
  }
  const first = points[0]!;
  let d = `M ${first.x} ${first.y}`;
  for (let i = 1; i < points.length; i++) {
    const point = points[i]!;
    const next = points[i + 1];
    if (!next) {
      d += ` L ${point.x} ${point.y}`;
      break;
    }
    const previous = points[i - 1]!;
    const inLength = Math.hypot(point.x - previous.x, point.y - previous.y);
    const outLength = Math.hypot(next.x - point.x, next.y - point.y);
    const r = Math.min(radius, inLength / 2, outLength / 2);
    const before = { x: point.x - ((point.x - previous.x) / (inLength || 1)) * r, y: point.y - ((point.y - previous.y) / (inLength || 1)) * r };
    const after = { x: point.x + ((next.x - point.x) / (outLength || 1)) * r, y: point.y + ((next.y - point.y) / (outLength || 1)) * r };
    d += ` L ${before.x} ${before.y} Q ${point.x} ${point.y} ${after.x} ${after.y}`;
  }
  return d;
}
