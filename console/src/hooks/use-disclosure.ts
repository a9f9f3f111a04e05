import { useRef, type RefObject } from 'react';

/** A button that shows and hides a panel (`aria-expanded`), and gets the focus back when the panel closes. */
export interface Disclosure {
  readonly open: boolean;
  readonly toggle: () => void;
  readonly close: () => void;
  /** For the button's `ref`. */
  readonly opener: RefObject<HTMLButtonElement | null>;
}

/** A disclosure over state kept elsewhere: `useState`, or the address when a link may open it. */
export function useDisclosure([open, setOpen]: readonly [boolean, (open: boolean) => void]): Disclosure {
  const opener = useRef<HTMLButtonElement>(null);
  return {
    open,
    opener,
    toggle: () => setOpen(!open),
    close: () => {
      setOpen(false);
      opener.current?.focus();
    },
  };
}
