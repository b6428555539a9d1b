/** The window's dirty marker: `setDocumentEdited` (macOS) and a • in the title. */
import type { BrowserWindow } from 'electron';

export const APP_TITLE = 'archsim';

export function windowTitle(dirty: boolean): string {
  return dirty ? `• ${APP_TITLE}` : APP_TITLE;
}

export class DocumentState {
  private dirty = false;

  constructor(private readonly win: Pick<BrowserWindow, 'setDocumentEdited' | 'setTitle' | 'isDestroyed'>) {}

  isDirty(): boolean {
    return this.dirty;
  }

  setDirty(dirty: boolean): void {
    this.dirty = dirty;
    if (this.win.isDestroyed()) return;
    this.win.setDocumentEdited(dirty);
    this.win.setTitle(windowTitle(dirty));
  }
}
