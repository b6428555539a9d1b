/**
 * The close guard: closing a window with unsaved edits asks Save / Don't Save / Cancel. On Save
 * the renderer is asked to save (a 'save' menu command with a requestId) and the window closes
 * only when it answers ok — a cancelled save dialog or a failed write keeps it open.
 */
import type { BrowserWindow, Dialog } from 'electron';

export type CloseChoice = 'save' | 'discard' | 'cancel';

export async function askSaveChanges(dialog: Pick<Dialog, 'showMessageBox'>, win: BrowserWindow): Promise<CloseChoice> {
  const { response } = await dialog.showMessageBox(win, {
    type: 'warning',
    buttons: ['Save', "Don't Save", 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    message: 'Do you want to save the changes to this scenario?',
    detail: "Your changes will be lost if you don't save them.",
  });
  return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
}

export interface CloseGuardDeps {
  isDirty(): boolean;
  ask(): Promise<CloseChoice>;
  /** Ask the renderer to save; true when it saved. */
  requestSave(): Promise<boolean>;
}

export function attachCloseGuard(win: Pick<BrowserWindow, 'on' | 'close' | 'isDestroyed'>, deps: CloseGuardDeps): void {
  let allowClose = false;
  let asking = false;
  win.on('close', (event) => {
    if (allowClose || !deps.isDirty()) return;
    event.preventDefault();
    if (asking) return;
    asking = true;
    void (async () => {
      try {
        const choice = await deps.ask();
        if (choice === 'cancel') return;
        if (choice === 'save' && !(await deps.requestSave())) return;
        allowClose = true;
        if (!win.isDestroyed()) win.close();
      } finally {
        asking = false;
      }
    })();
  });
}
