import type { Disclosure } from '../hooks/use-disclosure';

interface DisclosureButtonProps {
  readonly disclosure: Disclosure;
  /** The id of the panel it shows. */
  readonly controls: string;
  readonly label: string;
}

/** The button that opens an action's panel; it stays in place, pressed, while the panel is open. */
export function DisclosureButton({ disclosure, controls, label }: DisclosureButtonProps) {
  return (
    <button type="button" ref={disclosure.opener} className="button secondary" aria-expanded={disclosure.open} aria-controls={controls} onClick={disclosure.toggle}>
      {label}
    </button>
  );
}
