import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyLike } from '../../renderer/shell/shortcuts.ts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, inTextField: false, ...mods });

describe('shortcutFor', () => {
  it('maps Ctrl and Cmd chords', () => {
    expect(shortcutFor(key('o', { ctrlKey: true }))).toBe('open');
    expect(shortcutFor(key('s', { metaKey: true }))).toBe('save');
    expect(shortcutFor(key('S', { ctrlKey: true, shiftKey: true }))).toBe('saveAs');
    expect(shortcutFor(key('z', { ctrlKey: true }))).toBe('undo');
    expect(shortcutFor(key('Z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutFor(key('y', { ctrlKey: true }))).toBe('redo');
    expect(shortcutFor(key('Enter', { ctrlKey: true }))).toBe('run');
    expect(shortcutFor(key('Escape'))).toBe('cancel');
  });

  it('leaves plain keys and a text field’s own undo alone', () => {
    expect(shortcutFor(key('o'))).toBeUndefined();
    expect(shortcutFor(key('z', { ctrlKey: true, inTextField: true }))).toBeUndefined();
    expect(shortcutFor(key('s', { ctrlKey: true, inTextField: true }))).toBe('save');
    expect(shortcutFor(key('o', { ctrlKey: true, altKey: true }))).toBeUndefined();
  });
});

describe('shortcutFor, the menu’s other keys', () => {
  it('maps export, theme and Ctrl+. (cancel)', () => {
    expect(shortcutFor(key('e', { ctrlKey: true }))).toBe('exportReport');
    expect(shortcutFor(key('L', { metaKey: true, shiftKey: true }))).toBe('toggleTheme');
    expect(shortcutFor(key('l', { ctrlKey: true }))).toBeUndefined();
    expect(shortcutFor(key('.', { ctrlKey: true }))).toBe('cancel');
  });
});
