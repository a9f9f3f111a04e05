import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';

interface FileFieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
  readonly accept: string;
  readonly required?: boolean;
  readonly onFile: (file: File | null) => void;
}

/**
 * A file input whose button and "no file chosen" speak the console's language (the browser's
 * own words follow the browser's language). The real input stays focusable and labelled.
 */
export function FileField({ id, label, hint, accept, required = false, onFile }: FileFieldProps) {
  const { m } = useI18n();
  const [fileName, setFileName] = useState<string | null>(null);
  const choose = (file: File | null) => {
    setFileName(file?.name ?? null);
    onFile(file);
  };
  return (
    <div className="field">
      <label id={`${id}-label`} htmlFor={id}>
        {label}
      </label>
      <div className="file-picker">
        <input
          id={id}
          type="file"
          className="file-input"
          accept={accept}
          required={required}
          aria-labelledby={`${id}-label`}
          aria-describedby={`${id}-name ${id}-hint`}
          onChange={(event) => choose(event.target.files?.[0] ?? null)}
        />
        <label htmlFor={id} className="button secondary" aria-hidden="true">
          {m.upload.chooseFile}
        </label>
        <span id={`${id}-name`} className="file-name">
          {fileName ?? m.upload.noFile}
        </span>
      </div>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
    </div>
  );
}
