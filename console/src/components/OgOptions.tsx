import type { OgOption } from '../session/og-options';

/** Indents a group under its parent inside a native select, which cannot hold markup. */
const INDENT = '\u00a0\u00a0\u00a0';

/** The `<option>`s of a select of organization groups, in tree order. */
export function OgOptions({ ogs }: { readonly ogs: readonly OgOption[] }) {
  return ogs.map((og) => (
    <option key={og.id} value={og.id}>
      {INDENT.repeat(og.level)}
      {og.name}
    </option>
  ));
}
