import { useMemo } from 'react';
import type { PathSegment } from '../../sim-core/model/errors.ts';
import { CostPanel } from './CostPanel.tsx';
import { FormField, ScalarInput, type FieldContext } from './FormField.tsx';
import { ProfileChart } from './ProfileChart.tsx';
import { profilePoints } from './profile.ts';
import { errorsUnder, fieldFromSchema, formFields, getIn, pathString, scenarioProperty, type FieldSpec, type JsonSchema } from './schema-form.ts';

/** Fields of the items of an array property of the scenario (profile points, incidents). */
function itemFields(schema: JsonSchema | undefined): FieldSpec[] {
  return schema?.items ? formFields(schema.items) : [];
}

/** Shown when no component is selected: the workload, the run, failures and incidents, cost. */
export function ScenarioPanels({ ctx }: { ctx: FieldContext }) {
  const workload = useMemo(() => formFields(scenarioProperty('workload') ?? {}, ['workload']), []);
  const run = useMemo(() => formFields(scenarioProperty('run') ?? {}, ['run']), []);
  const zones = useMemo(() => fieldFromSchema('zones', ['zones'], scenarioProperty('zones') ?? {}, false), []);
  const zoneFailures = useMemo(() => fieldFromSchema('zoneFailures', ['zoneFailures'], scenarioProperty('zoneFailures') ?? {}, false), []);
  const workloadErrors = ctx.errors.filter((e) => e.path === 'workload');

  return (
    <div className="ed-panels">
      <section className="ed-panel">
        <h2>Workload</h2>
        {workloadErrors.map((e, i) => (
          <p key={i} className="ed-field-errors" role="alert">
            {e.message}
          </p>
        ))}
        {workload
          .filter((f) => f.key !== 'profile')
          .map((f) => (
            <FormField key={f.key} field={f} base={[]} ctx={ctx} label={f.key === 'mix' ? 'mix (weights by endpoint)' : undefined} />
          ))}
        <ProfileEditor ctx={ctx} />
      </section>
      <section className="ed-panel">
        <h2>Run</h2>
        {run.map((f) => (
          <FormField key={f.key} field={f} base={[]} ctx={ctx} />
        ))}
      </section>
      <section className="ed-panel">
        <h2>Failures and incidents</h2>
        <FormField field={zones} base={[]} ctx={ctx} />
        <FormField field={zoneFailures} base={[]} ctx={ctx} />
        <IncidentsEditor ctx={ctx} />
      </section>
      <CostPanel ctx={ctx} />
    </div>
  );
}

/** A list of objects edited row by row (profile points, incidents). */
function ListRows({ path, fields, ctx, onAdd, addLabel }: { path: PathSegment[]; fields: FieldSpec[]; ctx: FieldContext; onAdd(): void; addLabel: string }) {
  const list = getIn(ctx.raw, path);
  const items = Array.isArray(list) ? list : [];
  return (
    <div className="ed-rows">
      {items.length > 0 && (
        <div className="ed-row ed-row-head" style={{ gridTemplateColumns: `repeat(${fields.length}, 1fr) 28px` }}>
          {fields.map((f) => (
            <span key={f.key} title={f.description}>
              {f.key}
              {f.required ? ' *' : ''}
            </span>
          ))}
          <span />
        </div>
      )}
      {items.map((_, i) => {
        const rowErrors = errorsUnder(ctx.errors, pathString([...path, i]));
        return (
          <div key={i} className="ed-row-wrap">
            <div className="ed-row" style={{ gridTemplateColumns: `repeat(${fields.length}, 1fr) 28px` }}>
              {fields.map((f) => {
                const p = [...path, i, ...f.path];
                return <ScalarInput key={f.key} field={f} path={p} value={getIn(ctx.raw, p)} onSet={ctx.onSet} invalid={errorsUnder(ctx.errors, pathString(p)).length > 0} />;
              })}
              <button type="button" className="ed-icon-button" aria-label={`Remove row ${i + 1}`} onClick={() => ctx.onSet([...path, i], undefined)}>
                ×
              </button>
            </div>
            {rowErrors.length > 0 && (
              <ul className="ed-field-errors" role="alert">
                {rowErrors.map((e, j) => (
                  <li key={j}>
                    {e.path.slice(pathString([...path, i]).length + 1)}: {e.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
      <button type="button" className="ed-add" onClick={onAdd}>
        {addLabel}
      </button>
    </div>
  );
}

function ProfileEditor({ ctx }: { ctx: FieldContext }) {
  const schema = scenarioProperty('workload')?.properties?.profile;
  const fields = useMemo(() => itemFields(schema), [schema]);
  const raw = getIn(ctx.raw, ['workload', 'profile']);
  const points = profilePoints(raw);
  const peak = Math.max(1, ...points.map((p) => p.x));
  const duration = getIn(ctx.raw, ['run', 'duration']) ?? scenarioProperty('run')?.properties?.duration?.default;
  const count = Array.isArray(raw) ? raw.length : 0;
  const add = () => {
    const last = points[points.length - 1];
    const at = last ? `${Math.round((last.atMs + last.rampMs) / 1000 + 60)}s` : '0s';
    ctx.onSet(['workload', 'profile', count], { at, x: 1 });
  };
  return (
    <div className="ed-profile">
      <div className="ed-profile-head">
        <span className="ed-field-label">profile (load multiplier over time)</span>
        <span className="ed-muted">peak ×{+peak.toFixed(2)}</span>
      </div>
      <ProfileChart workload={getIn(ctx.raw, ['workload'])} duration={duration} onSet={ctx.onSet} />
      <ListRows path={['workload', 'profile']} fields={fields} ctx={ctx} onAdd={add} addLabel="Add a point" />
    </div>
  );
}

function IncidentsEditor({ ctx }: { ctx: FieldContext }) {
  const schema = scenarioProperty('incidents');
  const fields = useMemo(() => itemFields(schema), [schema]);
  const list = getIn(ctx.raw, ['incidents']);
  const count = Array.isArray(list) ? list.length : 0;
  const components = getIn(ctx.raw, ['components']);
  const first = typeof components === 'object' && components !== null ? Object.keys(components)[0] : undefined;
  return (
    <div className="ed-incidents">
      <span className="ed-field-label">incidents</span>
      <ListRows
        path={['incidents']}
        fields={fields}
        ctx={ctx}
        addLabel="Add an incident"
        onAdd={() => ctx.onSet(['incidents', count], { at: '1m', for: '30s', target: first ?? 'zone-a', effect: 'down' })}
      />
    </div>
  );
}
