import { useState } from 'react';
import type { PathSegment, ScenarioError } from '../../sim-core/model/errors.ts';
import { TEST_IDS } from '../state/test-ids.ts';
import { errorsUnder, fieldHint, formatFieldValue, getIn, parseFieldInput, pathString, type FieldSpec } from './schema-form.ts';

/** Write a value at a path; `key` coalesces a burst of edits into one undo step. */
export type SetValue = (path: PathSegment[], value: unknown, key?: string) => void;

export interface FieldContext {
  /** The raw parsed document (values as written, defaults not filled in). */
  raw: unknown;
  errors: readonly ScenarioError[];
  onSet: SetValue;
}

/** Errors exactly at this path or under it, listed beside the field. */
function FieldErrors({ errors }: { errors: ScenarioError[] }) {
  if (errors.length === 0) return null;
  return (
    <ul className="ed-field-errors" role="alert">
      {errors.map((e, i) => (
        <li key={i}>{e.message}</li>
      ))}
    </ul>
  );
}

/** One field of a generated form, at `base` + field.path; groups and records recurse. */
export function FormField({ field, base, ctx, label }: { field: FieldSpec; base: PathSegment[]; ctx: FieldContext; label?: string }) {
  const path = [...base, ...field.path];
  const value = getIn(ctx.raw, path);
  const name = label ?? field.key;
  if (field.control === 'group') return <GroupField field={field} path={path} value={value} ctx={ctx} label={name} />;
  if (field.control === 'record') return <RecordField field={field} path={path} value={value} ctx={ctx} label={name} />;
  const errors = errorsUnder(ctx.errors, pathString(path));
  if (field.control === 'summary') {
    const summary = Array.isArray(value) ? `${value.length} ${value.length === 1 ? 'item' : 'items'}` : value === undefined ? 'none' : 'set';
    return (
      <div className="ed-field">
        <span className="ed-field-label">{name}</span>
        <span className="ed-field-summary">{summary} — edit in the YAML view</span>
        <FieldErrors errors={errors} />
      </div>
    );
  }
  return (
    <label className={`ed-field${errors.length ? ' ed-field-invalid' : ''}`}>
      <span className="ed-field-label">
        {name}
        {field.required && <span className="ed-required" title="required"> *</span>}
      </span>
      <ScalarInput field={field} path={path} value={value} onSet={ctx.onSet} invalid={errors.length > 0} />
      {field.description && <span className="ed-field-hint">{fieldHint(field)}</span>}
      <FieldErrors errors={errors} />
    </label>
  );
}

/** An input bound to one value; what is being typed is kept locally until it can be written. */
export function ScalarInput({ field, path, value, onSet, invalid }: { field: FieldSpec; path: PathSegment[]; value: unknown; onSet: SetValue; invalid?: boolean }) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const p = pathString(path);
  const key = `inspector:${p}`;
  const common = { 'data-testid': TEST_IDS.inspectorField, 'data-path': p, 'aria-invalid': invalid || undefined, title: fieldHint(field) };

  if (field.control === 'checkbox') {
    const checked = typeof value === 'boolean' ? value : field.default === true;
    return <input type="checkbox" {...common} checked={checked} onChange={(e) => onSet(path, e.target.checked, key)} />;
  }
  if (field.control === 'select') {
    const current = typeof value === 'string' ? value : '';
    return (
      <select {...common} value={current} onChange={(e) => onSet(path, e.target.value === '' ? undefined : e.target.value, key)}>
        <option value="">{field.default !== undefined ? `default (${String(field.default)})` : '—'}</option>
        {field.options?.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
        {current !== '' && !field.options?.includes(current) && <option value={current}>{current}</option>}
      </select>
    );
  }
  const numeric = field.control === 'number' || field.control === 'integer';
  const shown = draft ?? formatFieldValue(field, value);
  return (
    <input
      {...common}
      type={numeric && (value === undefined || typeof value === 'number') ? 'number' : 'text'}
      inputMode={numeric ? 'decimal' : undefined}
      step={field.control === 'integer' ? 1 : numeric ? 'any' : undefined}
      min={field.min}
      max={field.max}
      spellCheck={false}
      placeholder={field.default !== undefined ? String(field.default) : field.words?.length ? field.words.join(' | ') : undefined}
      value={shown}
      onChange={(e) => {
        const text = e.target.value;
        setDraft(text);
        const parsed = parseFieldInput(field, text);
        // Clearing a field deletes the key on blur, not while the user is about to type a new value.
        if (parsed.ok && parsed.value !== undefined) onSet(path, parsed.value, key);
      }}
      onBlur={() => {
        if (draft !== undefined && draft.trim() === '' && value !== undefined) onSet(path, undefined, key);
        setDraft(undefined);
      }}
    />
  );
}

function GroupField({ field, path, value, ctx, label }: { field: FieldSpec; path: PathSegment[]; value: unknown; ctx: FieldContext; label: string }) {
  const set = value !== undefined;
  const errors = errorsUnder(ctx.errors, pathString(path));
  return (
    <details className={`ed-group${errors.length ? ' ed-group-invalid' : ''}`} open={set && errors.length > 0 ? true : undefined}>
      <summary>
        <span className="ed-group-title">{label}</span>
        <span className="ed-group-state">{set ? (errors.length ? `${errors.length} error${errors.length > 1 ? 's' : ''}` : 'set') : 'not set'}</span>
        {set && (
          <button
            type="button"
            className="ed-link"
            onClick={(e) => {
              e.preventDefault();
              ctx.onSet(path, undefined);
            }}
          >
            remove
          </button>
        )}
      </summary>
      {field.description && <p className="ed-group-desc">{field.description}</p>}
      {field.children?.map((child) => (
        <FormField key={child.key} field={child} base={path.slice(0, path.length - field.path.length)} ctx={ctx} />
      ))}
      <FieldErrors errors={errors.filter((e) => e.path === pathString(path))} />
    </details>
  );
}

function RecordField({ field, path, value, ctx, label }: { field: FieldSpec; path: PathSegment[]; value: unknown; ctx: FieldContext; label: string }) {
  const [adding, setAdding] = useState('');
  const entries = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
  const item = field.item;
  const errors = errorsUnder(ctx.errors, pathString(path)).filter((e) => e.path === pathString(path));
  const add = () => {
    const name = adding.trim();
    if (!name || entries.includes(name) || !item) return;
    ctx.onSet([...path, name], item.control === 'group' ? {} : item.default ?? '');
    setAdding('');
  };
  return (
    <fieldset className="ed-record">
      <legend>{label}</legend>
      {entries.map((entry) =>
        item?.control === 'group' ? (
          <details key={entry} className="ed-group" open={entries.length <= 3 ? true : undefined}>
            <summary>
              <span className="ed-group-title">{entry}</span>
              <button type="button" className="ed-link" onClick={(e) => (e.preventDefault(), ctx.onSet([...path, entry], undefined))}>
                remove
              </button>
            </summary>
            {item.children?.map((child) => <FormField key={child.key} field={child} base={[...path, entry]} ctx={ctx} />)}
          </details>
        ) : item ? (
          <div key={entry} className="ed-record-row">
            <FormField field={{ ...item, key: entry, path: [entry], required: false }} base={path} ctx={ctx} />
            <button type="button" className="ed-icon-button" aria-label={`Remove ${entry}`} onClick={() => ctx.onSet([...path, entry], undefined)}>
              ×
            </button>
          </div>
        ) : null,
      )}
      <div className="ed-record-add">
        <input type="text" placeholder="new name" value={adding} onChange={(e) => setAdding(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add()} aria-label={`New ${label} entry`} />
        <button type="button" onClick={add} disabled={!adding.trim() || entries.includes(adding.trim())}>
          Add
        </button>
      </div>
      <FieldErrors errors={errors} />
    </fieldset>
  );
}
