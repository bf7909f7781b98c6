import { useI18n } from '@/components/i18n';
import type { PanelCounter } from '@/components/panel/types';

/** The platform's own length count (public hooks, docs/hooks.md: data-counter, data-count, data-limit). */
export function Counter({ count, limit }: PanelCounter) {
  const { t } = useI18n();
  const over = count > limit;
  return (
    <div
      className={`counter${over ? ' over' : ''}`}
      data-counter=""
      data-count={count}
      data-limit={limit}
      role="status"
      aria-live="polite"
    >
      {over ? t('counter.over', { count: count - limit }) : t('counter.label', { count, limit })}
    </div>
  );
}
