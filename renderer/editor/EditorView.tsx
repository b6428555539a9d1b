import { useCallback, useMemo, useState } from 'react';
import { parse } from 'yaml';
import type { PathSegment } from '../../sim-core/model/errors.ts';
import { useStore } from '../state/store.ts';
import { Canvas } from './Canvas.tsx';
import { defaultDefinition, planConnection, uniqueName } from './edits.ts';
import { Inspector } from './Inspector.tsx';
import { Palette } from './Palette.tsx';
import { extractTopology, type ComponentKind } from './topology.ts';
import { utilisationByComponent } from './utilisation.ts';
import { YamlView } from './YamlView.tsx';
import './editor.css';

/** The raw data of the text (YAML or JSON), or undefined when it does not parse: the views keep the last good one. */
function parseRaw(text: string): unknown {
  try {
    return parse(text, { prettyErrors: false });
  } catch {
    return undefined;
  }
}

const NO_ERRORS: never[] = [];
const NO_LAYOUT = {};

/**
 * The scenario editor: the topology canvas with its palette and inspector (view 'canvas'), and the
 * YAML source (view 'yaml'). The shell's view switcher (DocumentTabs) holds the Canvas/YAML tabs.
 */
export function EditorView() {
  const doc = useStore((s) => (s.activeId ? s.documents[s.activeId] : undefined));
  const result = useStore((s) => (s.activeId ? s.runs[s.activeId]?.result : undefined));
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const selection = useStore((s) => s.selection);
  const select = useStore((s) => s.select);
  const actions = useStore.getState;
  const [notice, setNotice] = useState<string | undefined>(undefined);

  const id = doc?.id;
  const text = doc?.text ?? '';
  const parsed = useMemo(() => parseRaw(text), [text]);
  const [lastGood, setLastGood] = useState<{ text: string; raw: unknown }>({ text: '', raw: undefined });
  if (parsed !== undefined && lastGood.text !== text) setLastGood({ text, raw: parsed });
  const raw = parsed ?? lastGood.raw;
  const topology = useMemo(() => extractTopology(raw), [raw]);
  const utilisation = useMemo(() => utilisationByComponent(result), [result]);
  const errors = doc?.errors ?? NO_ERRORS;

  const flash = useCallback((message: string) => {
    setNotice(message);
    window.setTimeout(() => setNotice((m) => (m === message ? undefined : m)), 4000);
  }, []);

  if (!doc || !id) {
    return (
      <section className="ed-root ed-empty">
        <p>No scenario is open. Open a file, or start from an example in the library.</p>
      </section>
    );
  }

  const onSet = (path: PathSegment[], value: unknown, key?: string) => actions().setValue(id, path, value, key);
  const names = topology.nodes.map((n) => n.name);
  const validSelection = selection && names.includes(selection) ? selection : undefined;

  const add = (kind: ComponentKind) => {
    const name = uniqueName(names, kind);
    actions().addComponent(id, name, defaultDefinition(kind));
    select(name);
    setView('canvas');
  };
  const remove = (name: string) => {
    actions().removeComponent(id, name);
    select(undefined);
  };
  const connect = (from: string, to: string) => {
    const components = typeof raw === 'object' && raw !== null ? (raw as { components?: unknown }).components : undefined;
    const plan = planConnection(components, from, to);
    if (plan.type === 'error') flash(`Not connected: ${plan.message}`);
    else if (plan.type === 'connect') actions().connect(id, plan.from, plan.to);
    else actions().setValue(id, plan.path, plan.value);
  };
  const move = (moves: Array<{ name: string; x: number; y: number }>, key: string) => {
    for (const m of moves) actions().moveNode(id, m.name, m.x, m.y, key);
  };

  const tab = view === 'yaml' ? 'yaml' : 'canvas';
  return (
    <section className="ed-root">
      {notice && (
        <div className="ed-notice" role="status">
          {notice}
        </div>
      )}
      {tab === 'canvas' && errors.length > 0 && (
        <button type="button" className="ed-problems" onClick={() => setView('yaml')} title="Show the problems in the source">
          {errors.length} problem{errors.length > 1 ? 's' : ''}
        </button>
      )}
      {tab === 'canvas' ? (
        <div className="ed-canvas-layout">
          <Palette onAdd={add} />
          <Canvas
            documentId={id}
            topology={topology}
            pinned={doc.layout ?? NO_LAYOUT}
            selection={validSelection}
            errors={errors}
            utilisation={utilisation}
            onSelect={select}
            onMove={move}
            onConnect={connect}
            onDelete={remove}
          />
          <Inspector raw={raw} errors={errors} selection={validSelection} onSet={onSet} onDelete={remove} stats={validSelection ? result?.components[validSelection] : undefined} />
        </div>
      ) : (
        <YamlView text={doc.text} errors={errors} onChange={(next, key) => actions().setText(id, next, key)} />
      )}
    </section>
  );
}
