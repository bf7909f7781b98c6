import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A preview text box that scrolls past its maximum height. When (and only when) it does, it
 * joins the tab order, so keyboard users can scroll it (WCAG 2.1.1; axe
 * `scrollable-region-focusable`, which Firefox reports: Chromium makes scrollers focusable itself).
 */
export function ScrollableText({ children, ...data }: { children: ReactNode } & Record<`data-${string}`, string>) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  const measure = () => {
    const el = box.current;
    if (el) setScrolls(el.scrollHeight > el.clientHeight + 1);
  };
  // After every render (the text changed) and whenever the box is resized.
  useLayoutEffect(measure);
  useLayoutEffect(() => {
    if (!box.current || typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(measure);
    observer.observe(box.current);
    return () => observer.disconnect();
  }, []);
  return (
    <div className="studio-card-text" ref={box} tabIndex={scrolls ? 0 : undefined} {...data}>
      {children}
    </div>
  );
}
