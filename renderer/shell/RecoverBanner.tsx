import { useEffect, useState } from 'react';
import { platform } from '../platform/current-platform.ts';
import type { AutosaveEntry } from '../platform/platform.ts';
import { useStore } from '../state/store.ts';
import { TEST_IDS } from '../state/test-ids.ts';

/** At start-up: offers the autosaved edits a previous session left (a crash, a closed tab). */
export function RecoverBanner() {
  const [entries, setEntries] = useState<AutosaveEntry[]>([]);
  useEffect(() => {
    let live = true;
    void platform().readAutosaves().then((found) => {
      const open = useStore.getState().documents;
      if (live) setEntries(found.filter((e) => !open[e.id]));
    });
    return () => {
      live = false;
    };
  }, []);
  if (entries.length === 0) return null;

  const recover = () => {
    const s = useStore.getState();
    for (const e of entries) s.recoverDocument(e);
    s.setView('canvas');
    setEntries([]);
  };
  const discard = () => {
    for (const e of entries) void platform().removeAutosave(e.id);
    setEntries([]);
  };
  const when = new Date(entries[0].savedAt).toLocaleString();
  return (
    <div className="banner" role="alert" data-testid={TEST_IDS.recoverBanner}>
      <span>
        Unsaved edits from a previous session: <strong>{entries.map((e) => e.name).join(', ')}</strong> (last autosaved {when}).
      </span>
      <button type="button" className="primary" data-testid={TEST_IDS.recoverAccept} onClick={recover}>Recover</button>
      <button type="button" onClick={discard}>Discard</button>
    </div>
  );
}
