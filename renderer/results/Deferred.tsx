import { useEffect, useState, type ReactNode } from 'react';
import { mountQueue } from './mount-queue.ts';

/**
 * Mounts its children on their turn in the mount queue (mount-queue.ts), showing a placeholder
 * of about their height until then, so the page does not jump. `immediate` (the static report,
 * which is rendered once to HTML) renders them at once.
 */
export function Deferred({ children, height, immediate }: { children: ReactNode; height: number; immediate?: boolean }) {
  const [shown, setShown] = useState(immediate === true);
  useEffect(() => {
    if (shown) return undefined;
    return mountQueue.enqueue(() => setShown(true));
  }, [shown]);
  if (shown) return <>{children}</>;
  return <div className="deferred-placeholder" style={{ minHeight: height }} aria-busy="true" />;
}
