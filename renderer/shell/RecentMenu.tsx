import { useEffect, useRef, useState } from 'react';
import { platform } from '../platform/current-platform.ts';
import type { RecentFile } from '../platform/platform.ts';
import { openRecent } from './actions.ts';
import { keptLocations } from './recent-handles.ts';
import './shell.css';
import { TEST_IDS } from '../state/test-ids.ts';

/** data-testid values of this menu (for test/e2e; candidates for renderer/state/test-ids.ts). */
const RECENT_TEST_IDS = { button: TEST_IDS.openRecent, item: TEST_IDS.recentItem } as const;

function ago(ms: number, now: number): string {
  const min = Math.round((now - ms) / 60_000);
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min ago`;
  const h = Math.round(min / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.round(h / 24);
  return d === 1 ? 'yesterday' : `${d} days ago`;
}

interface Entry {
  file: RecentFile;
  /** The file can be reopened without picking it again (a path, or a kept handle). */
  direct: boolean;
}

/**
 * The toolbar's "Recent" dropdown: the platform's recent files, newest first. Electron reopens by
 * path; the browser through the FileSystemFileHandle kept in IndexedDB (recent-handles.ts), else
 * the entry says the file must be picked again and opens the file picker.
 */
export function RecentMenu() {
  const [entries, setEntries] = useState<Entry[] | undefined>(undefined);
  const root = useRef<HTMLDivElement>(null);
  const open = entries !== undefined;

  const show = async () => {
    const files = await platform().recentFiles();
    const kept = platform().kind === 'browser' ? await keptLocations() : undefined;
    setEntries(files.map((file) => ({ file, direct: !kept || kept.has(file.location) })));
  };

  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setEntries(undefined);
    };
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setEntries(undefined);
    };
    window.addEventListener('pointerdown', away);
    window.addEventListener('keydown', esc);
    root.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
    return () => {
      window.removeEventListener('pointerdown', away);
      window.removeEventListener('keydown', esc);
    };
  }, [open]);

  const pick = (file: RecentFile) => {
    setEntries(undefined);
    void openRecent(file);
  };
  const now = Date.now();

  return (
    <div className="recent" ref={root}>
      <button
        type="button"
        data-testid={RECENT_TEST_IDS.button}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => (open ? setEntries(undefined) : void show())}
        title="Reopen a recently opened or saved file"
      >
        Recent <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="recent-menu" role="menu" aria-label="Recent files">
          {entries.length === 0 ? (
            <p className="recent-empty">No recent files yet: files you open or save appear here.</p>
          ) : (
            entries.map(({ file, direct }) => (
              <button key={file.location} type="button" role="menuitem" className="recent-item" data-testid={RECENT_TEST_IDS.item} data-name={file.name} onClick={() => pick(file)}>
                <span className="recent-name">{file.name}</span>
                <span className="recent-meta">
                  {platform().kind === 'electron' ? file.location : direct ? 'reopens directly (the browser may ask for permission)' : 'pick the file again to reopen'}
                  {' · '}
                  {ago(file.openedAt, now)}
                </span>
              </button>
            ))
          )}
          {platform().kind === 'browser' && entries.length > 0 && (
            <p className="recent-note">A web page cannot reopen a file by its name: files opened through the file picker are remembered here; others must be picked again.</p>
          )}
        </div>
      )}
    </div>
  );
}
