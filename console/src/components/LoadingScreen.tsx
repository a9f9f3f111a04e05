import { useI18n } from '../i18n/i18n-context';
import { FailureMessage } from './FailureMessage';

interface LoadingScreenProps {
  readonly failure?: unknown;
  readonly onRetry?: () => void;
}

/** The whole window while the console finds out who is logged in, or why it could not. */
export function LoadingScreen({ failure, onRetry }: LoadingScreenProps) {
  const { m } = useI18n();
  return (
    <main className="loading-screen">
      {failure === undefined ? (
        <p aria-live="polite">{m.common.loading}</p>
      ) : (
        <FailureMessage error={failure} onRetry={onRetry} />
      )}
    </main>
  );
}
