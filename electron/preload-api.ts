/**
 * Builds the preload's `window.archsim` object over an ipcRenderer: one method per operation of
 * electron/ipc-contract.ts, menu commands checked and stripped of the IPC event.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { ArchsimApi, ArchsimInvokeApi } from './archsim-api.ts';
import { INVOKE_CHANNELS, MENU_COMMAND_CHANNEL, MENU_COMMAND_NAMES, SEND_CHANNELS } from './ipc-contract.ts';
import type { MenuCommand } from './ipc-contract.ts';

export type IpcLike = Pick<IpcRenderer, 'invoke' | 'send' | 'on' | 'removeListener'>;

function isMenuCommand(value: unknown): value is MenuCommand {
  if (typeof value !== 'object' || value === null) return false;
  const command = (value as { command?: unknown }).command;
  return typeof command === 'string' && (MENU_COMMAND_NAMES as readonly string[]).includes(command);
}

export function buildArchsimApi(ipc: IpcLike): ArchsimApi {
  const invokers = Object.fromEntries(
    Object.entries(INVOKE_CHANNELS).map(([method, channel]) => [
      method,
      (...args: unknown[]) => ipc.invoke(channel, ...args),
    ]),
  ) as ArchsimInvokeApi;
  return {
    ...invokers,
    setDirty: (dirty: boolean) => ipc.send(SEND_CHANNELS.setDirty, dirty === true),
    commandDone: (requestId: string, ok: boolean) => ipc.send(SEND_CHANNELS.commandDone, String(requestId), ok === true),
    onMenuCommand: (callback: (command: MenuCommand) => void) => {
      const listener = (_event: IpcRendererEvent, command: unknown) => {
        if (isMenuCommand(command)) callback({ command: command.command, path: command.path, requestId: command.requestId });
      };
      ipc.on(MENU_COMMAND_CHANNEL, listener);
      return () => {
        ipc.removeListener(MENU_COMMAND_CHANNEL, listener);
      };
    },
  };
}
