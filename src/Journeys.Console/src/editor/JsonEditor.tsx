import { useEffect, useRef } from 'react';
import { basicSetup } from 'codemirror';
import { EditorView } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { linter, lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import type { ValidationIssue } from '../api/types';
import { locatePath } from './jsonPaths';

export interface EditorIssue extends ValidationIssue {
  severity: 'error' | 'warning';
}

export interface JsonEditorProps {
  /** The text to show; when it changes from outside (a reload), the editor's content is replaced. */
  value: string;
  onChange: (text: string) => void;
  issues?: EditorIssue[];
  label: string;
  /** A JSON path to select and scroll into view (a problem the admin clicked). */
  reveal?: { path: string; serial: number } | null;
}

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px', backgroundColor: '#ffffff' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: '#f8fafc', color: '#475569', borderRight: '1px solid #e2e8f0' },
  '.cm-activeLineGutter': { backgroundColor: '#e2e8f0', color: '#0f172a' },
  '.cm-activeLine': { backgroundColor: '#f1f5f9' },
  '&.cm-focused': { outline: '2px solid #1d4ed8', outlineOffset: '-2px' },
  '.cm-lintRange-error': { backgroundColor: '#fee2e2' },
  '.cm-lintRange-warning': { backgroundColor: '#fef3c7' },
  '.cm-tooltip-lint': { fontFamily: 'system-ui, sans-serif', fontSize: '13px' },
});

const parseLinter = jsonParseLinter();

/** JSON syntax errors, and each validation problem at the place its JSON path names (the document start if none). */
function diagnose(view: EditorView, issues: EditorIssue[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = parseLinter(view);
  for (const issue of issues) {
    const range = locatePath(view.state, issue.path) ?? { from: 0, to: Math.min(1, view.state.doc.length) };
    diagnostics.push({
      from: range.from,
      to: range.to,
      severity: issue.severity,
      source: issue.code,
      message: `${issue.code}: ${issue.message}`,
    });
  }
  return diagnostics;
}

/**
 * CodeMirror 6 with JSON syntax, JSON parse errors and the host's validation problems as lint diagnostics on their
 * lines. The editor lives in a shadow root: there CodeMirror's styles are adopted style sheets, which the console's
 * Content-Security-Policy (style-src 'self', no inline style elements) allows.
 */
export function JsonEditor({ value, onChange, issues = [], label, reveal }: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const issuesRef = useRef(issues);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  issuesRef.current = issues;

  useEffect(() => {
    const element = host.current!;
    const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const parent = document.createElement('div');
    parent.className = 'cm-host';
    parent.style.height = '100%';
    shadow.replaceChildren(parent);
    const problems = linter((v) => diagnose(v, issuesRef.current), { delay: 250 });

    view.current = new EditorView({
      root: shadow,
      parent,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          json(),
          problems,
          lintGutter(),
          theme,
          // An explicit tabindex lets checkers see that the scrolling editor is reachable by keyboard.
          EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    return () => {
      view.current?.destroy();
      view.current = null;
    };
  }, []);

  // A new text from outside (loaded, reset) replaces the content; the admin's own typing comes back equal.
  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
    }
  }, [value]);

  // New problems from the host: shown at once (the linter itself only runs again when the text changes).
  useEffect(() => {
    const v = view.current;
    if (v) v.dispatch(setDiagnostics(v.state, diagnose(v, issues)));
  }, [issues]);

  useEffect(() => {
    const v = view.current;
    if (!v || !reveal) return;
    const range = locatePath(v.state, reveal.path);
    if (range) {
      v.dispatch({ selection: { anchor: range.from, head: range.to }, effects: EditorView.scrollIntoView(range.from, { y: 'center' }) });
      v.focus();
    }
  }, [reveal]);

  return <div className="json-editor" ref={host} data-editor={label} />;
}
