import { useMemo } from 'react';
import type { ScenarioError } from '../../sim-core/model/errors.ts';
import type { ComponentResult } from '../../sim-core/run/result.ts';
import { useStore } from '../state/store.ts';
import { TEST_IDS } from '../state/test-ids.ts';
import { FormField, type FieldContext } from './FormField.tsx';
import { KindIcon } from './KindIcon.tsx';
import { componentFields, errorsUnder, getIn, pathString } from './schema-form.ts';
import { isComponentKind } from './edits.ts';
import { RenameField } from './RenameField.tsx';
import { ScenarioPanels } from './ScenarioPanels.tsx';
import './canvas-edges.css';

export interface InspectorProps {
  raw: unknown;
  errors: readonly ScenarioError[];
  selection: string | undefined;
  onSet: FieldContext['onSet'];
  onDelete(name: string): void;
  /** The component's row of the last run, if any. */
  stats?: ComponentResult;
}

/** The selected component's form, generated from the schema; the scenario's panels when nothing is selected. */
export function Inspector({ raw, errors, selection, onSet, onDelete, stats }: InspectorProps) {
  const def = selection ? getIn(raw, ['components', selection]) : undefined;
  const kind = getIn(def, ['kind']);
  const fields = useMemo(() => (typeof kind === 'string' ? componentFields(kind) : []), [kind]);
  const ctx: FieldContext = { raw, errors, onSet };
  const documentId = useStore((s) => s.activeId);
  const components = getIn(raw, ['components']);
  const names = typeof components === 'object' && components !== null ? Object.keys(components) : [];

  if (!selection || def === undefined) {
    return (
      <aside className="ed-inspector" data-testid={TEST_IDS.inspector} aria-label="Scenario settings">
        <ScenarioPanels ctx={ctx} />
      </aside>
    );
  }

  const base = ['components', selection];
  const own = errorsUnder(errors, pathString(base));
  const fieldPaths = fields.map((f) => pathString([...base, ...f.path]));
  // Errors no field shows (the component itself, a wrong kind, an unknown key).
  const loose = own.filter((e) => !fieldPaths.some((p) => e.path === p || e.path.startsWith(`${p}.`) || e.path.startsWith(`${p}[`)));
  return (
    <aside className="ed-inspector" data-testid={TEST_IDS.inspector} aria-label={`Inspector: ${selection}`}>
      <header className="ed-inspector-head">
        <span className="ed-inspector-icon">
          <KindIcon kind={isComponentKind(kind) ? kind : 'unknown'} />
        </span>
        <div>
          <RenameField
            key={selection}
            name={selection}
            taken={names.filter((n) => n !== selection)}
            onRename={(to) => documentId && useStore.getState().renameComponent(documentId, selection, to)}
          />
          <div className="ed-muted">{typeof kind === 'string' ? kind : 'no kind'}</div>
        </div>
        <button type="button" className="ed-danger" onClick={() => onDelete(selection)} title="Remove this component (Delete)">
          Remove
        </button>
      </header>
      {stats && (
        <dl className="ed-stats">
          {stats.utilisation !== null && (
            <>
              <dt>Utilisation</dt>
              <dd>{(stats.utilisation * 100).toFixed(1)}%</dd>
            </>
          )}
          <dt>Throughput</dt>
          <dd>{stats.throughput.toLocaleString(undefined, { maximumFractionDigits: 1 })}/s</dd>
          <dt>Queue length</dt>
          <dd>{stats.queueLength.toLocaleString(undefined, { maximumFractionDigits: 2 })}</dd>
        </dl>
      )}
      {loose.length > 0 && (
        <ul className="ed-field-errors ed-loose-errors" role="alert">
          {loose.map((e, i) => (
            <li key={i}>
              <code>{e.path}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
      <div className="ed-form">
        {fields.map((f) => (
          <FormField key={f.key} field={f} base={base} ctx={ctx} />
        ))}
      </div>
    </aside>
  );
}
