/**
 * Menu commands main sends to the renderer and waits for (the close guard's "save, then close"):
 * each gets a requestId; the renderer answers `commandDone(requestId, ok)`.
 */
import { MENU_COMMAND_CHANNEL } from '../ipc-contract.ts';
import type { MenuCommand, MenuCommandName } from '../ipc-contract.ts';

export interface CommandTarget {
  send(channel: string, command: MenuCommand): void;
}

export class CommandRequests {
  private next = 1;
  private readonly pending = new Map<string, (ok: boolean) => void>();

  /** Send `command` and resolve with the renderer's answer (false if it is lost). */
  request(target: CommandTarget, command: MenuCommandName): Promise<boolean> {
    const requestId = `req-${this.next++}`;
    return new Promise<boolean>((resolve) => {
      this.pending.set(requestId, resolve);
      target.send(MENU_COMMAND_CHANNEL, { command, requestId });
    });
  }

  resolve(requestId: string, ok: boolean): void {
    const resolve = this.pending.get(requestId);
    if (!resolve) return;
    this.pending.delete(requestId);
    resolve(ok);
  }

  /** The renderer is gone (crash, reload): nothing will answer. */
  cancelAll(): void {
    for (const resolve of this.pending.values()) resolve(false);
    this.pending.clear();
  }

  get size(): number {
    return this.pending.size;
  }
}
