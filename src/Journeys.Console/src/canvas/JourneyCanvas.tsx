import { useEffect, useMemo, useRef, useState } from 'react';
import {
  BaseEdge, Background, Controls, EdgeLabelRenderer, Handle, MarkerType, MiniMap, Position, ReactFlow, ReactFlowProvider,
  useReactFlow, type Edge, type EdgeProps, type Node, type NodeProps,
} from '@xyflow/react';
import type { NodeReport, ValidationIssue } from '../api/types';
import type { GraphNode, JourneyGraph } from './graph';
import { layoutGraph, nodeHeight, nodeWidth, roundedPath, shortLabel, type GraphLayout, type Point } from './layout';
import { formatCount } from './format';

export interface Highlight {
  nodes: Set<string>;
  edges: Set<string>;
  /** The node the instance is at now, if still active. */
  current?: string | null;
}

export interface CanvasProps {
  graph: JourneyGraph;
  /** Counts per node (a version of the report route, or a simulation's report); null while none is loaded. */
  counts: Record<string, NodeReport> | null;
  problems?: Map<string, ValidationIssue[]>;
  highlight?: Highlight | null;
  selected?: string | null;
  onSelect?: (nodeId: string | null) => void;
  /** Told how long the graph took from being given to being on screen, laid out (ms). */
  onRendered?: (milliseconds: number) => void;
}

type JourneyNodeData = {
  node: GraphNode;
  counts: NodeReport | undefined;
  problems: ValidationIssue[];
  onPath: boolean;
  dimmed: boolean;
  current: boolean;
  selected: boolean;
};

type RoutedEdgeData = {
  points: Point[];
  label: string;
  fullLabel: string;
  labelBox: { x: number; y: number; width: number; height: number };
  count: number;
  branch: string;
  onPath: boolean;
  dimmed: boolean;
};

const kindNames: Record<string, string> = {
  condition: 'Condition', split: 'Split', wait: 'Wait', waitForEvent: 'Wait for event', action: 'Action',
  jump: 'Jump', end: 'End', missing: 'Missing', unknown: 'Unknown',
};

function JourneyNode({ data }: NodeProps<Node<JourneyNodeData>>) {
  const { node, counts, problems, onPath, dimmed, current, selected } = data;
  const errors = counts?.errors ?? 0;
  const classes = ['jnode', `kind-${node.kind}`];
  if (onPath) classes.push('on-path');
  if (current) classes.push('current');
  if (dimmed) classes.push('dimmed');
  if (selected) classes.push('selected');
  if (problems.length > 0) classes.push('has-problems');
  const problemText = problems.map((p) => `${p.code}: ${p.message}`).join('\n');
  return (
    <div className={classes.join(' ')} data-node-id={node.id} data-on-path={onPath ? 'true' : undefined}
      data-problems={problems.length > 0 ? String(problems.length) : undefined}>
      <Handle type="target" position={Position.Left} isConnectable={false} className="jhandle" />
      <div className="jnode-head">
        <span className="jnode-kind">{kindNames[node.kind] ?? node.kind}</span>
        {node.isStart && <span className="jnode-tag">start</span>}
        {current && <span className="jnode-tag current-tag">here now</span>}
        {problems.length > 0 && (
          <span className="jnode-problems" title={problemText}>
            {problems.length} problem{problems.length === 1 ? '' : 's'}
          </span>
        )}
      </div>
      <div className="jnode-title" title={node.id}>{node.id}</div>
      <div className="jnode-detail" title={node.detail}>{node.detail}</div>
      <dl className="jnode-counts">
        <div><dt>entered</dt><dd data-count="entered" data-value={counts?.entered ?? 0}>{formatCount(counts?.entered)}</dd></div>
        <div><dt>waiting</dt><dd data-count="waiting" data-value={counts?.waiting ?? 0}>{formatCount(counts?.waiting)}</dd></div>
        <div className={errors > 0 ? 'has-errors' : undefined}>
          <dt>errors</dt><dd data-count="errors" data-value={errors}>{formatCount(errors)}</dd>
        </div>
      </dl>
      <Handle type="source" position={Position.Right} isConnectable={false} className="jhandle" />
    </div>
  );
}

function RoutedEdge({ id, data, markerEnd }: EdgeProps<Edge<RoutedEdgeData>>) {
  if (!data || data.points.length === 0) {
    return null;
  }
  const { labelBox } = data;
  const classes = ['edge-label'];
  if (data.onPath) classes.push('on-path');
  if (data.dimmed) classes.push('dimmed');
  return (
    <>
      <BaseEdge id={id} path={roundedPath(data.points)} markerEnd={markerEnd}
        className={`jedge${data.onPath ? ' on-path' : ''}${data.dimmed ? ' dimmed' : ''}`} />
      <EdgeLabelRenderer>
        <div className={classes.join(' ')} data-edge-id={id} data-branch={data.branch} data-count={data.count}
          title={`${data.fullLabel}: ${formatCount(data.count)}`}
          ref={(element) => {
            // Positioned through the CSSOM (allowed by the Content-Security-Policy, unlike style attributes).
            if (element) {
              element.style.transform = `translate(${labelBox.x}px, ${labelBox.y}px)`;
              element.style.width = `${labelBox.width}px`;
            }
          }}>
          <span className="edge-label-text">{data.label}</span>
          <span className="edge-label-count">{formatCount(data.count)}</span>
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

const nodeTypes = { journey: JourneyNode };

/** Least zoom at which node text stays readable: a longer journey starts at its left end and is panned. */
const readableZoom = 0.75;

/** Fits the whole layout when it is readable so; otherwise shows its start (left), vertically centred. */
function fitReadable(flow: ReturnType<typeof useReactFlow>, element: HTMLElement | null, layout: GraphLayout) {
  const width = element?.clientWidth ?? 800;
  const height = element?.clientHeight ?? 600;
  const padding = 24;
  const fit = Math.min((width - 2 * padding) / Math.max(1, layout.width), (height - 2 * padding) / Math.max(1, layout.height));
  const zoom = Math.min(1, Math.max(readableZoom, fit));
  const x = layout.width * zoom <= width ? (width - layout.width * zoom) / 2 : padding / 2;
  const y = layout.height * zoom <= height ? (height - layout.height * zoom) / 2 : padding / 2;
  void flow.setViewport({ x, y, zoom });
}
const edgeTypes = { routed: RoutedEdge };

function graphKey(graph: JourneyGraph): string {
  return JSON.stringify([graph.nodes.map((n) => [n.id, n.kind]), graph.edges.map((e) => [e.id, e.target, e.label])]);
}

function CanvasInner({ graph, counts, problems, highlight, selected, onSelect, onRendered }: CanvasProps) {
  const [layout, setLayout] = useState<{ key: string; value: GraphLayout; started: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = useMemo(() => graphKey(graph), [graph]);
  const flow = useReactFlow();
  const reported = useRef<string | null>(null);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    const started = performance.now();
    container.current?.removeAttribute('data-rendered');
    layoutGraph(graph)
      .then((value) => {
        if (!cancelled) {
          container.current?.setAttribute('data-layout-ms', (performance.now() - started).toFixed(1));
          setLayout({ key, value, started });
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
    };
    // The layout depends on the graph's shape only (key), never on counts.
  }, [key]);

  const nodes = useMemo<Node<JourneyNodeData>[]>(() => {
    if (!layout) return [];
    return graph.nodes.map((node) => {
      const position = layout.value.nodes.get(node.id) ?? { x: 0, y: 0 };
      const onPath = highlight?.nodes.has(node.id) ?? false;
      return {
        id: node.id,
        type: 'journey',
        position,
        width: nodeWidth,
        height: nodeHeight,
        draggable: false,
        connectable: false,
        selectable: true,
        ariaLabel: `${kindNames[node.kind] ?? node.kind} node ${node.id}`,
        data: {
          node,
          counts: counts?.[node.id],
          problems: problems?.get(node.id) ?? [],
          onPath,
          dimmed: !!highlight && !onPath,
          current: highlight?.current === node.id,
          selected: selected === node.id,
        },
      };
    });
  }, [layout, graph, counts, problems, highlight, selected]);

  const edges = useMemo<Edge<RoutedEdgeData>[]>(() => {
    if (!layout) return [];
    return graph.edges.map((edge) => {
      const routed = layout.value.edges.get(edge.id);
      const onPath = highlight?.edges.has(edge.id) ?? false;
      return {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        type: 'routed',
        focusable: false,
        selectable: false,
        markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: onPath ? '#1d4ed8' : '#64748b' },
        data: {
          points: routed?.points ?? [],
          label: shortLabel(edge.label),
          fullLabel: edge.label,
          labelBox: routed?.label ?? { x: 0, y: 0, width: 0, height: 0 },
          count: counts?.[edge.source]?.branches?.[edge.branch] ?? 0,
          branch: edge.branch,
          onPath,
          dimmed: !!highlight && !onPath,
        },
      };
    });
  }, [layout, graph, counts, highlight]);

  // Fit the new layout into view, then report the time from graph to painted layout once per graph.
  useEffect(() => {
    if (!layout || reported.current === layout.key) return;
    reported.current = layout.key;
    const started = layout.started;
    fitReadable(flow, container.current, layout.value);
    // Done when every box is measured and shown and every arrow drawn, after the frame that paints them.
    const expectedEdges = graph.edges.length;
    const expectedNodes = graph.nodes.length;
    const check = (frames: number) => {
      const element = container.current;
      if (!element) return;
      const shown = element.querySelectorAll('.react-flow__node:not([style*="visibility: hidden"])').length;
      const drawn = element.querySelectorAll('.react-flow__edge path.jedge').length;
      if ((shown < expectedNodes || drawn < expectedEdges) && frames < 600) {
        requestAnimationFrame(() => check(frames + 1));
        return;
      }
      requestAnimationFrame(() => {
        const elapsed = performance.now() - started;
        element.setAttribute('data-render-ms', elapsed.toFixed(1));
        element.setAttribute('data-rendered', 'true');
        onRendered?.(elapsed);
      });
    };
    requestAnimationFrame(() => check(0));
  }, [layout, flow, onRendered, graph]);

  return (
    <div className="canvas" ref={container} data-layout={layout?.key === key ? 'laid-out' : 'pending'}
      data-node-count={graph.nodes.length}>
      {error && <p className="canvas-error" role="alert">Layout failed: {error}</p>}
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        elementsSelectable
        minZoom={0.1}
        maxZoom={2}
        onNodeClick={(_, node) => onSelect?.(node.id === selected ? null : node.id)}
        onPaneClick={() => onSelect?.(null)}
        proOptions={{ hideAttribution: false }}
        ariaLabelConfig={{ 'node.a11yDescription.default': 'Press Enter to select the node and show its counts.' }}
      >
        <Background gap={24} size={1} color="#cbd5e1" />
        <Controls showInteractive={false} position="bottom-left" />
        {graph.nodes.length > 6 && (
          <MiniMap position="bottom-right" pannable zoomable ariaLabel="Overview of the whole journey"
            nodeColor={(node) => ((node.data as JourneyNodeData).onPath ? '#1d4ed8' : '#94a3b8')} maskColor="rgba(241, 245, 249, 0.7)" />
        )}
      </ReactFlow>
    </div>
  );
}

export function JourneyCanvas(props: CanvasProps) {
  return (
    <ReactFlowProvider>
      <CanvasInner {...props} />
    </ReactFlowProvider>
  );
}
