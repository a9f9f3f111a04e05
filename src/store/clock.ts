/** Where repositories read "now" for creation stamps; tests pass a fixed clock. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
