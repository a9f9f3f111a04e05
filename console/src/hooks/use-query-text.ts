import { useRouter } from '../routing/router-context';

/**
 * A text filter kept in the address's query string (`?search=…`): the value, and a setter that
 * replaces the history entry so filtering does not flood "back".
 */
export function useQueryText(name: string): readonly [string, (value: string) => void] {
  const router = useRouter();
  const value = router.search.get(name) ?? '';
  const set = (next: string) => {
    const query = new URLSearchParams(router.search);
    if (next === '') query.delete(name);
    else query.set(name, next);
    const text = query.toString();
    router.navigate(`${router.pathname}${text === '' ? '' : `?${text}`}`, { replace: true });
  };
  return [value, set];
}
