import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../electron/ipc-contract.ts';
import { buildMenuTemplate } from '../../electron/main/menu-template.ts';

function items(menu: MenuItemConstructorOptions): MenuItemConstructorOptions[] {
  return menu.submenu as MenuItemConstructorOptions[];
}
const byLabel = (template: MenuItemConstructorOptions[], label: string) => template.find((m) => m.label === label)!;
const roles = (menu: MenuItemConstructorOptions) => items(menu).map((i) => i.role).filter(Boolean);
const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();

describe('application menu', () => {
  const sent: MenuCommand[] = [];
  const recentFiles = [{ name: 'shop.yaml', location: '/home/a/shop.yaml', openedAt: 1 }];
  const template = buildMenuTemplate({ isMac: false, isDev: false, recentFiles, send: (c) => sent.push(c) });

  it('has File, Edit, View, Run, Help', () => {
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Run', 'Help']);
    const mac = buildMenuTemplate({ isMac: true, isDev: false, recentFiles: [], send: () => {} });
    expect(mac.map((m) => m.role ?? m.label)).toEqual(['appMenu', 'File', 'Edit', 'View', 'Run', 'windowMenu', 'help']);
  });

  it('uses the standard roles where they fit', () => {
    expect(roles(byLabel(template, 'Edit'))).toEqual(['cut', 'copy', 'paste', 'delete', 'selectAll']);
    expect(roles(byLabel(template, 'View'))).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(byLabel(template, 'File'))).toEqual(['quit']);
    expect(byLabel(template, 'Help').role).toBe('help');
    const dev = buildMenuTemplate({ isMac: false, isDev: true, recentFiles: [], send: () => {} });
    expect(roles(byLabel(dev, 'View'))).toContain('toggleDevTools');
  });

  it('sends our commands to the renderer', () => {
    const all = template.flatMap((m) => items(m)).flatMap((i) => (Array.isArray(i.submenu) ? [i, ...i.submenu] : [i]));
    for (const item of all) if (item.click) click(item);
    expect(sent.map((c) => c.command).sort()).toEqual(
      ['open', 'open-recent', 'save', 'save-as', 'export-report', 'undo', 'redo', 'toggle-theme', 'run', 'cancel'].sort(),
    );
    expect(sent.find((c) => c.command === 'open-recent')?.path).toBe('/home/a/shop.yaml');
    const undo = items(byLabel(template, 'Edit'))[0];
    expect(undo).toMatchObject({ label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
  });
});
