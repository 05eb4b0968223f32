import type { EditorState } from '@codemirror/state';
import { ensureSyntaxTree } from '@codemirror/language';
import type { SyntaxNode } from '@lezer/common';

// Validation problems name the place they are about with a JSON path (`$.nodes.tier-check.branches[0].when`,
// `$.fields['customer.id']`). These functions find that place in the editor's text through the JSON syntax tree,
// so that a problem is marked on its line even after the text was edited elsewhere.

export type PathSegment = string | number;

export function parsePath(path: string): PathSegment[] | null {
  if (!path.startsWith('$')) return null;
  const segments: PathSegment[] = [];
  let i = 1;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      const match = /^[A-Za-z0-9_-]+/.exec(path.slice(i + 1));
      if (!match) return null;
      segments.push(match[0]);
      i += 1 + match[0].length;
    } else if (c === '[' && path[i + 1] === "'") {
      let j = i + 2;
      let name = '';
      while (j < path.length && path[j] !== "'") {
        if (path[j] === '\\' && j + 1 < path.length) j++;
        name += path[j];
        j++;
      }
      if (path[j + 1] !== ']') return null;
      segments.push(name);
      i = j + 2;
    } else if (c === '[') {
      const match = /^\[(\d+)\]/.exec(path.slice(i));
      if (!match) return null;
      segments.push(Number(match[1]));
      i += match[0].length;
    } else {
      return null;
    }
  }
  return segments;
}

const valueTypes = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);

function values(node: SyntaxNode): SyntaxNode[] {
  const result: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (valueTypes.has(child.name)) result.push(child);
  }
  return result;
}

function properties(node: SyntaxNode): SyntaxNode[] {
  const result: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.name === 'Property') result.push(child);
  }
  return result;
}

function propertyName(state: EditorState, property: SyntaxNode): string | null {
  const nameNode = property.getChild('PropertyName');
  if (!nameNode) return null;
  try {
    return JSON.parse(state.sliceDoc(nameNode.from, nameNode.to)) as string;
  } catch {
    return null;
  }
}

/**
 * The text range a path designates: its value, or for an object or array value the member's name (one line rather
 * than the whole block). When the path goes further than the text (a missing member), the deepest part that exists.
 */
export function locatePath(state: EditorState, path: string): { from: number; to: number } | null {
  const segments = parsePath(path);
  const tree = ensureSyntaxTree(state, state.doc.length, 250);
  if (!segments || !tree) return null;
  let current: SyntaxNode | null = values(tree.topNode)[0] ?? null;
  if (!current) return null;
  let label: SyntaxNode | null = null;
  for (const segment of segments) {
    let next: SyntaxNode | null = null;
    let nextLabel: SyntaxNode | null = null;
    if (typeof segment === 'string' && current.name === 'Object') {
      const property: SyntaxNode | undefined = properties(current).find((p) => propertyName(state, p) === segment);
      if (property) {
        next = values(property)[0] ?? null;
        nextLabel = property.getChild('PropertyName');
      }
    } else if (typeof segment === 'number' && current.name === 'Array') {
      next = values(current)[segment] ?? null;
    }
    if (!next) break;
    current = next;
    label = nextLabel;
  }
  if ((current.name === 'Object' || current.name === 'Array') && label) {
    return { from: label.from, to: label.to };
  }
  if (current.name === 'Object' || current.name === 'Array') {
    return { from: current.from, to: current.from + 1 };
  }
  return { from: current.from, to: current.to };
}
