import { useI18n } from '../i18n/i18n-context';
import { Link } from '../routing/Link';

/** One step of the trail; the last one is the current page and has no link. */
export interface Crumb {
  readonly label: string;
  readonly to?: string;
}

/** Where the page sits, e.g. Resources > Apps > Native > Internal. */
export function Breadcrumbs({ trail }: { readonly trail: readonly Crumb[] }) {
  const { m } = useI18n();
  return (
    <nav aria-label={m.nav.breadcrumb} className="breadcrumbs">
      <ol>
        {trail.map((crumb, index) => (
          <li key={`${index}-${crumb.label}`}>
            {index === trail.length - 1 ? (
              <span aria-current="page">{crumb.label}</span>
            ) : crumb.to === undefined ? (
              <span>{crumb.label}</span>
            ) : (
              <Link to={crumb.to}>{crumb.label}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
