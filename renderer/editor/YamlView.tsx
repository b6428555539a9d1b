import { useMemo, useRef } from 'react';
import type { ScenarioError } from '../../sim-core/model/errors.ts';
import { TEST_IDS } from '../state/test-ids.ts';
import { lineStart } from './text-position.ts';

const LINE_HEIGHT = 20;
/** A pause longer than this starts a new undo step. */
const BURST_MS = 1200;

export interface YamlViewProps {
  text: string;
  errors: readonly ScenarioError[];
  onChange(text: string, coalesceKey: string): void;
}

/** The scenario source: a monospace textarea with a line-number gutter, and the error list below. */
export function YamlView({ text, errors, onChange }: YamlViewProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const burst = useRef({ key: 0, last: 0 });
  const lines = useMemo(() => text.split('\n').length, [text]);
  const errorLines = useMemo(() => new Set(errors.map((e) => e.line).filter((l): l is number => l !== undefined)), [errors]);

  const change = (next: string) => {
    const now = Date.now();
    if (now - burst.current.last > BURST_MS) burst.current.key++;
    burst.current.last = now;
    onChange(next, `yaml-${burst.current.key}`);
  };

  const jumpTo = (line: number, column = 1) => {
    const el = area.current;
    if (!el) return;
    const at = Math.min(el.value.length, lineStart(el.value, line) + Math.max(0, column - 1));
    el.focus();
    el.setSelectionRange(at, at);
    el.scrollTop = Math.max(0, (line - 1) * LINE_HEIGHT - el.clientHeight / 3);
  };

  return (
    <div className="ed-yaml">
      <div className="ed-yaml-editor">
        <div className="ed-gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lines }, (_, i) => (
            <div key={i} className={errorLines.has(i + 1) ? 'ed-gutter-error' : undefined}>
              {i + 1}
            </div>
          ))}
        </div>
        <textarea
          ref={area}
          className="ed-yaml-text"
          data-testid={TEST_IDS.yamlView}
          value={text}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          wrap="off"
          aria-label="Scenario source"
          onChange={(e) => change(e.target.value)}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Tab' || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) return;
            // YAML indents with spaces: Tab inserts two.
            e.preventDefault();
            const el = e.currentTarget;
            const { selectionStart: s, selectionEnd: t } = el;
            change(`${el.value.slice(0, s)}  ${el.value.slice(t)}`);
            requestAnimationFrame(() => el.setSelectionRange(s + 2, s + 2));
          }}
        />
      </div>
      <div className="ed-errors">
        <div className="ed-errors-head">{errors.length === 0 ? 'No problems' : `${errors.length} problem${errors.length > 1 ? 's' : ''}`}</div>
        <ul data-testid={TEST_IDS.errorList}>
          {errors.map((e, i) => (
            <li key={i} data-testid={TEST_IDS.errorItem} data-path={e.path}>
              <button type="button" onClick={() => e.line !== undefined && jumpTo(e.line, e.column)} disabled={e.line === undefined}>
                <span className="ed-error-pos">{e.line !== undefined ? `${e.line}:${e.column ?? 1}` : '–'} </span>
                <span className="ed-error-path">{e.path || '(file)'}: </span>
                <span className="ed-error-msg">{e.message}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
