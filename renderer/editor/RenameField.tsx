import { useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { TEST_IDS } from '../state/test-ids.ts';
import { componentNameError } from '../state/yaml-edit.ts';

export interface RenameFieldProps {
  name: string;
  /** The other components' names (a new name must not be one of them). */
  taken: readonly string[];
  onRename(to: string): void;
}

/**
 * The inspector's component name, editable in place: Enter (or leaving the field) commits a valid
 * name, Esc restores the current one; an invalid or taken name is refused with the reason.
 * Mount it with `key={name}` so it restarts when the selection changes.
 */
export function RenameField({ name, taken, onRename }: RenameFieldProps) {
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | undefined>(undefined);

  const commit = (): boolean => {
    const to = draft.trim();
    if (to === name) {
      setDraft(name);
      setError(undefined);
      return true;
    }
    const problem = componentNameError(to, taken);
    if (problem) {
      setError(`Not renamed: ${problem}`);
      return false;
    }
    setError(undefined);
    onRename(to);
    return true;
  };
  const cancel = () => {
    setDraft(name);
    setError(undefined);
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (commit()) e.currentTarget.blur();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      cancel();
      e.currentTarget.blur();
    }
  };

  return (
    <div className="ed-rename">
      <input
        className={`ed-rename-input${error ? ' ed-rename-invalid' : ''}`}
        data-testid={TEST_IDS.renameInput}
        aria-label="Component name (Enter renames it everywhere it is used)"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'ed-rename-error' : undefined}
        title="Rename: Enter to apply, Esc to cancel"
        value={draft}
        spellCheck={false}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(undefined);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (draft.trim() !== name && componentNameError(draft.trim(), taken)) cancel();
          else commit();
        }}
      />
      {error && (
        <div id="ed-rename-error" className="ed-rename-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
