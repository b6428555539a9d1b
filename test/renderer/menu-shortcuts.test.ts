import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMAND_NAMES, type MenuCommand } from '../../electron/ipc-contract.ts';
import { buildMenuTemplate } from '../../electron/main/menu-template.ts';
import { MENU_TO_SHORTCUT } from '../../renderer/shell/menu-map.ts';
import { shortcutFor, type KeyLike } from '../../renderer/shell/shortcuts.ts';

/** An Electron accelerator ("Shift+CmdOrCtrl+S") as the key event it stands for on one platform. */
function keyOf(accelerator: string, isMac: boolean): KeyLike {
  const parts = accelerator.split('+');
  const key = parts.pop()!;
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  const cmdOrCtrl = mods.has('cmdorctrl') || mods.has('commandorcontrol');
  return {
    key: key === 'Enter' || key === 'Return' ? 'Enter' : key === 'Esc' ? 'Escape' : key.toLowerCase(),
    ctrlKey: mods.has('ctrl') || mods.has('control') || (cmdOrCtrl && !isMac),
    metaKey: mods.has('cmd') || mods.has('command') || (cmdOrCtrl && isMac),
    shiftKey: mods.has('shift'),
    altKey: mods.has('alt') || mods.has('option'),
    inTextField: false,
  };
}

/** Every menu item of the template, submenus flattened. */
function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  const out: MenuItemConstructorOptions[] = [];
  const walk = (list: MenuItemConstructorOptions[]) => {
    for (const item of list) {
      out.push(item);
      if (Array.isArray(item.submenu)) walk(item.submenu);
    }
  };
  walk(template);
  return out;
}

describe('native menu and keyboard shortcuts', () => {
  it('maps every one of the 10 menu commands', () => {
    expect(MENU_COMMAND_NAMES).toHaveLength(10);
    expect(Object.keys(MENU_TO_SHORTCUT).sort()).toEqual([...MENU_COMMAND_NAMES].sort());
    for (const name of MENU_COMMAND_NAMES) {
      if (name === 'open-recent') expect(MENU_TO_SHORTCUT[name]).toBeUndefined();
      else expect(MENU_TO_SHORTCUT[name], name).toBeDefined();
    }
  });

  for (const isMac of [false, true]) {
    it(`each accelerator the menu shows is handled once, by the renderer, as the same command (${isMac ? 'macOS' : 'Linux/Windows'})`, () => {
      let sent: MenuCommand | undefined;
      const template = buildMenuTemplate({ isMac, isDev: false, recentFiles: [], send: (c) => (sent = c) });
      const withKeys = allItems(template).filter((i) => i.accelerator !== undefined && i.click !== undefined);
      expect(withKeys.length).toBe(9);
      for (const item of withKeys) {
        sent = undefined;
        (item.click as unknown as () => void)();
        const command = sent!.command;
        // Not registered with the system (Linux/Windows): the key reaches only the page.
        expect(item.registerAccelerator, item.label).toBe(false);
        // The page handles it (and preventDefaults it, so macOS does not also run the menu item).
        expect(shortcutFor(keyOf(String(item.accelerator), isMac)), `${item.label} ${String(item.accelerator)}`).toBe(MENU_TO_SHORTCUT[command]);
      }
    });
  }

  it('leaves a text field its own undo (the menu item then undoes in the field)', () => {
    expect(shortcutFor({ ...keyOf('CmdOrCtrl+Z', true), inTextField: true })).toBeUndefined();
    expect(shortcutFor({ ...keyOf('CmdOrCtrl+S', false), inTextField: true })).toBe('save');
  });
});
