import { PageHeader } from '../components/PageHeader';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../routing/Link';
import { paths } from '../routing/routes';

/** An address the console does not know. */
export function NotFoundPage() {
  const { m } = useI18n();
  return (
    <>
      <PageHeader title={m.notFound.title} />
      <p>
        <Link to={paths.dashboard()}>{m.notFound.back}</Link>
      </p>
    </>
  );
}
