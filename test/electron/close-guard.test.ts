import { describe, expect, it, vi } from 'vitest';
import { dialog, FakeBrowserWindow } from './fake-electron.ts';
import { MENU_COMMAND_CHANNEL } from '../../electron/ipc-contract.ts';

vi.mock('electron', async () => (await import('./fake-electron.ts')).electronModule);

const { attachCloseGuard, askSaveChanges } = await import('../../electron/main/close-guard.ts');
const { CommandRequests } = await import('../../electron/main/command-requests.ts');
const { createMainWindow } = await import('../../electron/main/window.ts');
const { resolveRendererLocation } = await import('../../electron/main/renderer-location.ts');

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function guarded(dirty: boolean, choice: 'save' | 'discard' | 'cancel', saved = true) {
  const win = new FakeBrowserWindow({});
  const ask = vi.fn(async () => choice);
  const requestSave = vi.fn(async () => saved);
  attachCloseGuard(win as never, { isDirty: () => dirty, ask, requestSave });
  return { win, ask, requestSave };
}

describe('close guard', () => {
  it('closes a clean window without asking', () => {
    const { win, ask } = guarded(false, 'cancel');
    win.close();
    expect(ask).not.toHaveBeenCalled();
    expect(win.destroyed).toBe(true);
  });

  it('asks when dirty; Cancel keeps the window', async () => {
    const { win, ask } = guarded(true, 'cancel');
    win.close();
    await flush();
    expect(ask).toHaveBeenCalledTimes(1);
    expect(win.destroyed).toBe(false);
  });

  it("Don't Save closes without saving", async () => {
    const { win, requestSave } = guarded(true, 'discard');
    win.close();
    await flush();
    expect(requestSave).not.toHaveBeenCalled();
    expect(win.destroyed).toBe(true);
  });

  it('Save closes only after the renderer confirms the save', async () => {
    const ok = guarded(true, 'save', true);
    ok.win.close();
    await flush();
    expect(ok.requestSave).toHaveBeenCalledTimes(1);
    expect(ok.win.destroyed).toBe(true);
    const cancelled = guarded(true, 'save', false);
    cancelled.win.close();
    await flush();
    expect(cancelled.win.destroyed).toBe(false);
  });

  it('maps the message box buttons', async () => {
    const win = new FakeBrowserWindow({});
    for (const [response, choice] of [[0, 'save'], [1, 'discard'], [2, 'cancel']] as const) {
      dialog.showMessageBox.mockResolvedValueOnce({ response, checkboxChecked: false });
      await expect(askSaveChanges(dialog as never, win as never)).resolves.toBe(choice);
    }
    expect(dialog.showMessageBox.mock.calls[0][1]).toMatchObject({ buttons: ['Save', "Don't Save", 'Cancel'], cancelId: 2 });
  });

  it('in the main window: Save sends a save request and closes on commandDone', async () => {
    const commands = new CommandRequests();
    const { win, document } = createMainWindow({
      preloadPath: '/p.cjs',
      location: resolveRendererLocation(undefined, '/opt/archsim/dist/renderer/index.html'),
      commands,
    });
    const fake = win as unknown as FakeBrowserWindow;
    document.setDirty(true);
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    fake.close();
    await flush();
    const message = fake.webContents.sent.at(-1)!;
    expect(message.channel).toBe(MENU_COMMAND_CHANNEL);
    const command = message.args[0] as { command: string; requestId: string };
    expect(command.command).toBe('save');
    expect(fake.destroyed).toBe(false);
    document.setDirty(false);
    commands.resolve(command.requestId, true);
    await flush();
    expect(fake.destroyed).toBe(true);
  });
});
