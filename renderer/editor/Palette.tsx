import { TEST_IDS } from '../state/test-ids.ts';
import { COMPONENT_KINDS, type ComponentKind } from './topology.ts';
import { KindIcon } from './KindIcon.tsx';

const LABELS: Record<ComponentKind, string> = {
  service: 'Service',
  gateway: 'Gateway',
  cdn: 'CDN',
  cache: 'Cache',
  database: 'Database',
  queue: 'Queue',
  external: 'External',
};

/** Buttons that add a component of each kind with sensible defaults. */
export function Palette({ onAdd }: { onAdd: (kind: ComponentKind) => void }) {
  return (
    <nav className="ed-palette" data-testid={TEST_IDS.palette} aria-label="Add a component">
      <div className="ed-palette-title">Add</div>
      {COMPONENT_KINDS.map((kind) => (
        <button key={kind} type="button" className="ed-palette-item" data-kind={kind} onClick={() => onAdd(kind)} title={`Add a ${LABELS[kind].toLowerCase()}`}>
          <KindIcon kind={kind} size={20} />
          <span>{LABELS[kind]}</span>
        </button>
      ))}
    </nav>
  );
}
