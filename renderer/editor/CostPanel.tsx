import { useMemo, useState } from 'react';
import { parseDocument } from 'yaml';
import { applyPriceOverrides, parsePriceList, type PriceList } from '../../sim-core/cost/price-list.ts';
import bundledPriceText from '../../scenarios/prices/aws-us-east-1.yaml?raw';
import { useStore } from '../state/store.ts';
import { componentCosts, nextOverride, readPrices, renameOverride } from './cost-settings.ts';
import type { FieldContext } from './FormField.tsx';
import { errorsUnder } from './schema-form.ts';
import './cost-panel.css';
import { TEST_IDS } from '../state/test-ids.ts';

let bundled: PriceList | undefined;
function bundledList(): PriceList | undefined {
  bundled ??= parsePriceList(parseDocument(bundledPriceText).toJS()).list;
  return bundled;
}

const PRICE_HINT = 'US dollars with a unit: $0.096/h, $50/month, $3.50/million, $0.085/GB';

/**
 * The scenario's cost settings (shown with Workload, Run and Failures when nothing is selected):
 * which price list bills it — the bundled AWS us-east-1 list, with inline overrides, or a
 * price-list file — and, per component, what it is billed for. A component's `instance` and
 * `price` are edited in its own inspector; a row here selects it.
 */
export function CostPanel({ ctx }: { ctx: FieldContext }) {
  const select = useStore((s) => s.select);
  const list = bundledList();
  const prices = useMemo(() => readPrices(ctx.raw), [ctx.raw]);
  const overrides = prices.overrides;
  // Overrides that do not parse are left out here; the validation lists them under prices.
  const priced = useMemo(() => list && applyPriceOverrides(list, Object.fromEntries(overrides)).list, [list, overrides]);
  const rows = useMemo(() => (priced ? componentCosts(ctx.raw, priced) : []), [ctx.raw, priced]);
  const errors = errorsUnder(ctx.errors, 'prices');
  const set = ctx.onSet;

  const addOverride = () => {
    const next = list && nextOverride(list, overrides);
    if (next) set(['prices', next[0]], next[1]);
  };

  return (
    <section className="ed-panel" data-testid={TEST_IDS.costPanel}>
      <h2>Cost</h2>
      <p className="cost-intro">
        The monthly bill: each replica × 730 h × its hourly price, plus usage the run measures (gateway and SQS requests, data out).
      </p>
      <label className="ed-field">
        <span className="ed-field-label">price list</span>
        <select
          data-path="prices"
          value={prices.mode}
          onChange={(e) => set(['prices'], e.target.value === 'file' ? 'prices.yaml' : undefined)}
          title="prices: a price list file, or inline overrides of the bundled list"
        >
          <option value="bundled">{list ? `Bundled: ${list.name}` : 'Bundled list'}</option>
          <option value="file">A price-list file…</option>
        </select>
      </label>
      {prices.mode === 'file' ? (
        <label className="ed-field">
          <span className="ed-field-label">file</span>
          <FileInput value={prices.file ?? ''} onCommit={(v) => set(['prices'], v === '' ? undefined : v, 'cost:prices-file')} />
          <span className="cost-hint">
            Relative to the scenario, read by <code>archsim run</code>. The app cannot read other files: its runs bill against the bundled list.
          </span>
        </label>
      ) : (
        <div className="ed-field">
          {list && (
            <span className="cost-hint">
              {Object.keys(list.lines).length} lines dated {list.date}, each with its source (scenarios/prices/aws-us-east-1.yaml).
            </span>
          )}
          <span className="ed-field-label">overrides of the bundled list</span>
          {overrides.length > 0 && (
            <div className="ed-rows">
              <div className="ed-row ed-row-head cost-override">
                <span>item</span>
                <span>price</span>
                <span />
              </div>
              {overrides.map(([item, price]) => (
                <div key={item} className="ed-row cost-override">
                  <ItemInput value={item} onCommit={(to) => to !== item && to !== '' && set(['prices'], renameOverride(overrides, item, to))} />
                  <input
                    type="text"
                    spellCheck={false}
                    value={price}
                    title={PRICE_HINT}
                    data-path={`prices.${item}`}
                    aria-invalid={errorsUnder(ctx.errors, `prices.${item}`).length > 0 || undefined}
                    onChange={(e) => set(['prices', item], e.target.value, `cost:prices.${item}`)}
                  />
                  <button type="button" className="ed-icon-button" aria-label={`Remove the override of ${item}`} onClick={() => set(['prices', item], undefined)}>
                    ×
                  </button>
                </div>
              ))}
            </div>
          )}
          <button type="button" className="ed-add" onClick={addOverride}>
            Add an override
          </button>
          <span className="cost-hint">
            Replace a line of the bundled list or add one, e.g. <code>m6i.large: $0.09/h</code>. {PRICE_HINT}.
          </span>
          <datalist id="cost-price-items">
            {list && Object.entries(list.lines).map(([k, line]) => <option key={k} value={k} label={`${line.text}${line.note ? ` — ${line.note}` : ''}`} />)}
          </datalist>
        </div>
      )}
      {errors.length > 0 && (
        <ul className="ed-field-errors" role="alert">
          {errors.map((e, i) => (
            <li key={i}>
              {e.path}: {e.message}
            </li>
          ))}
        </ul>
      )}
      <div className="ed-field">
        <span className="ed-field-label">billed per component</span>
        {rows.length === 0 ? (
          <span className="cost-hint">No components yet.</span>
        ) : (
          <table className="cost-table">
            <tbody>
              {rows.map((r) => (
                <tr key={r.name} className={`cost-${r.source}`} onClick={() => select(r.name)} title={`Select ${r.name} to set its instance or price`}>
                  <th scope="row">{r.name}</th>
                  <td>{r.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <span className="cost-hint">
          Set a component’s <code>instance</code> (a line of the list, e.g. m6i.large) or <code>price</code> (e.g. $0.096/h, wins over the instance) in its inspector: click a row.
        </span>
      </div>
    </section>
  );
}

/** A text input that writes on blur or Enter (a price-list item's name, a file name). */
function CommitInput({ value, onCommit, list, path, title }: { value: string; onCommit(v: string): void; list?: string; path: string; title: string }) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const commit = () => {
    if (draft !== undefined) onCommit(draft.trim());
    setDraft(undefined);
  };
  return (
    <input
      type="text"
      spellCheck={false}
      list={list}
      data-path={path}
      title={title}
      value={draft ?? value}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}

function ItemInput({ value, onCommit }: { value: string; onCommit(v: string): void }) {
  return <CommitInput value={value} onCommit={onCommit} list="cost-price-items" path={`prices.${value}:key`} title="A price-list item: an instance type (m6i.large) or a usage item (sqs.requests)" />;
}

function FileInput({ value, onCommit }: { value: string; onCommit(v: string): void }) {
  return <CommitInput value={value} onCommit={onCommit} path="prices" title="A price list file, relative to the scenario" />;
}
