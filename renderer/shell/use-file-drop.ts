import { useEffect, useState } from 'react';
import { openText } from './actions.ts';

const SCENARIO_FILE = /\.(ya?ml|json)$/i;

/** Opens scenario files dropped anywhere on the window; returns whether a drag is over it (for the overlay). */
export function useFileDrop(): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(false);
      for (const file of Array.from(e.dataTransfer?.files ?? [])) {
        if (SCENARIO_FILE.test(file.name)) void file.text().then((text) => openText(file.name, text));
      }
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  return over;
}
