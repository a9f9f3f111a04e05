/**
 * SQL texts to run as named prepared statements on PostgreSQL: parsed and planned once per
 * connection instead of on every run. Only texts registered here are, and only queries built
 * with fixed column lists register (see `PreparedQuery`): a prepared `select *` would fail once
 * a migration changed the table under a running server.
 */
const names = new Map<string, string>();

/** Registers `text` (if new) and returns its statement name. */
export function nameStatement(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `provisio_${names.size + 1}`;
    names.set(text, name);
  }
  return name;
}

/** The statement name of a registered text, or undefined. */
export function statementNameOf(text: string): string | undefined {
  return names.get(text);
}
