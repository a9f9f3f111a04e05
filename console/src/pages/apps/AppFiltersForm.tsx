import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import type { AppFilters } from './app-filters';

interface AppFiltersFormProps {
  readonly filters: AppFilters;
  readonly onChange: (filters: AppFilters) => void;
}

/** Search and "expiring within N days", applied on submit so typing does not fire a request per key. */
export function AppFiltersForm({ filters, onChange }: AppFiltersFormProps) {
  const { m } = useI18n();
  const [search, setSearch] = useState(filters.search);
  const [within, setWithin] = useState(filters.expiringWithin === undefined ? '' : String(filters.expiringWithin));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const days = /^\d{1,5}$/.test(within.trim()) ? Number(within.trim()) : undefined;
    onChange({ ...filters, search: search.trim(), expiringWithin: days });
  };
  const clear = () => {
    setSearch('');
    setWithin('');
    onChange({ ...filters, search: '', expiringWithin: undefined });
  };
  return (
    <form className="filters" onSubmit={submit} role="search">
      <div className="field">
        <label htmlFor="apps-search">{m.apps.search}</label>
        <input id="apps-search" type="search" value={search} placeholder={m.apps.searchPlaceholder} onChange={(event) => setSearch(event.target.value)} />
      </div>
      <div className="field narrow">
        <label htmlFor="apps-within">{m.apps.expiringWithin}</label>
        <input
          id="apps-within"
          type="number"
          inputMode="numeric"
          min={0}
          max={99999}
          value={within}
          onChange={(event) => setWithin(event.target.value)}
        />
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
