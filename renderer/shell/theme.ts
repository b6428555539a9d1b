import { useEffect } from 'react';
import { useStore } from '../state/store.ts';

/** Applies the chosen theme as `data-theme` on <html> ('system' follows prefers-color-scheme live). */
export function useTheme(): void {
  const theme = useStore((s) => s.theme);
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const resolved = theme === 'system' ? (media.matches ? 'dark' : 'light') : theme;
      document.documentElement.dataset.theme = resolved;
      document.documentElement.style.colorScheme = resolved;
    };
    apply();
    if (theme !== 'system') return;
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}

export const NEXT_THEME = { system: 'light', light: 'dark', dark: 'system' } as const;
