import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/lib/i18n/all';
import '@/components/theme.css';
import '@/components/pages.css';
import '@/components/panel/panel.css';

/** Mounts an extension page's React tree. */
export function mountPage(node: ReactNode): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing');
  createRoot(container).render(<StrictMode>{node}</StrictMode>);
}
