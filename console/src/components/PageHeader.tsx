import { useEffect, useRef, type ReactNode } from 'react';
import { useDocumentTitle } from '../hooks/use-document-title';
import { Breadcrumbs, type Crumb } from './Breadcrumbs';

interface PageHeaderProps {
  readonly title: string;
  readonly trail?: readonly Crumb[];
  /** Buttons or links for the page's main actions. */
  readonly actions?: ReactNode;
  /** A line under the title, e.g. the bundle id of an app. */
  readonly subtitle?: ReactNode;
}

/**
 * The page's breadcrumbs, title and actions. The title takes focus when a page opens, so keyboard
 * and screen-reader users start at the new content rather than at the link they followed.
 */
export function PageHeader({ title, trail, actions, subtitle }: PageHeaderProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(title);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <header className="page-header">
      {trail !== undefined && <Breadcrumbs trail={trail} />}
      <div className="page-title-row">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {subtitle !== undefined && <p className="subtitle">{subtitle}</p>}
        </div>
        {actions !== undefined && <div className="page-actions">{actions}</div>}
      </div>
    </header>
  );
}
