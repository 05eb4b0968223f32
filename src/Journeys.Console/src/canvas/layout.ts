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
const countSample = '000,000';
const maxLabelChars = 26;

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

export async function layoutGraph(graph: JourneyGraph): Promise<GraphLayout> {
  const root: ElkNode = {
    id: '__root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '48',
      'elk.layered.spacing.edgeNodeBetweenLayers': '20',
      'elk.layered.spacing.edgeEdgeBetweenLayers': '14',
      'elk.spacing.nodeNode': '36',
      'elk.spacing.edgeNode': '20',
      'elk.spacing.edgeEdge': '14',
      'elk.spacing.edgeLabel': '4',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.padding': '[top=24,left=24,bottom=24,right=24]',
    },
    children: graph.nodes.map((node) => ({ id: node.id, width: nodeWidth, height: nodeHeight })),
    edges: graph.edges.map<ElkExtendedEdge>((edge) => ({
      id: edge.id,
      sources: [edge.source],
      targets: [edge.target],
      labels: [{ id: `${edge.id}#label`, text: edge.label, width: labelWidth(edge.label), height: labelHeight,
        layoutOptions: { 'elk.edgeLabels.placement': 'CENTER' } }],
    })),
  };

  const laidOut = await elk.layout(root);
  const nodes = new Map<string, Point>();
  for (const child of laidOut.children ?? []) {
    nodes.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  }
  const edges = new Map<string, EdgeLayout>();
  for (const edge of (laidOut.edges ?? []) as ElkExtendedEdge[]) {
    const points: Point[] = [];
    for (const section of edge.sections ?? []) {
      points.push(section.startPoint, ...(section.bendPoints ?? []), section.endPoint);
    }
    const label = edge.labels?.[0];
    edges.set(edge.id, {
      points,
      label: { x: label?.x ?? 0, y: label?.y ?? 0, width: label?.width ?? 0, height: label?.height ?? labelHeight },
    });
  }
  return { nodes, edges, width: laidOut.width ?? 0, height: laidOut.height ?? 0 };
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
