import { Fragment } from 'react';

/**
 * A bundle id or App ID (`com.acme.field-service`) that may wrap after its dots in a narrow
 * column instead of in the middle of a word.
 */
export function DottedId({ value }: { readonly value: string }) {
  const parts = value.split('.');
  return (
    <span className="mono">
      {parts.map((part, index) => (
        <Fragment key={index}>
          {part}
          {index < parts.length - 1 && (
            <>
              .<wbr />
            </>
          )}
        </Fragment>
      ))}
    </span>
  );
}
