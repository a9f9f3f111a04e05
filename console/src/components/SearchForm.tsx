import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n-context';

interface SearchFormProps {
  readonly id: string;
  readonly label: string;
  readonly placeholder: string;
  readonly value: string;
  readonly onSearch: (value: string) => void;
}

/** One search field, applied on submit so typing does not fire a request per key. */
export function SearchForm({ id, label, placeholder, value, onSearch }: SearchFormProps) {
  const { m } = useI18n();
  const [text, setText] = useState(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  const clear = () => {
    setText('');
    onSearch('');
  };
  return (
    <form className="filters" onSubmit={submit} role="search">
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} type="search" value={text} placeholder={placeholder} onChange={(event) => setText(event.target.value)} />
      </div>
      <div className="filter-buttons">
        <button type="submit" className="button primary">
          {m.apps.filter}
        </button>
        <button type="button" className="button secondary" onClick={clear}>
          {m.apps.clearFilters}
        </button>
      </div>
    </form>
  );
}
