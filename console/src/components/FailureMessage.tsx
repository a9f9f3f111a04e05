import { isRetryable } from '../api/api-failure';
import { describeFailure } from '../i18n/describe-failure';
import { useI18n } from '../i18n/i18n-context';

interface FailureMessageProps {
  readonly error: unknown;
  /** Offered only when trying again may help (network or server failure). */
  readonly onRetry?: () => void;
  /** A heading above the sentences, e.g. "The upload was refused". */
  readonly title?: string;
}

/** A failed request in words, announced to screen readers as it appears. */
export function FailureMessage({ error, title, onRetry }: FailureMessageProps) {
  const { m, format } = useI18n();
  const sentences = describeFailure(error, m, format);
  return (
    <div className="failure" role="alert">
      {title !== undefined && <p className="failure-title">{title}</p>}
      {sentences.length === 1 ? (
        <p>{sentences[0]}</p>
      ) : (
        <ul>
          {sentences.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      )}
      {onRetry !== undefined && isRetryable(error) && (
        <button type="button" className="button secondary" onClick={onRetry}>
          {m.common.retry}
        </button>
      )}
    </div>
  );
}
