import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n-context';

/** Names the browser tab after the page, so history and screen readers say where one is. */
export function useDocumentTitle(title: string): void {
  const { m } = useI18n();
  useEffect(() => {
    document.title = `${title} · ${m.common.productName}`;
  }, [title, m]);
}
