/** Injected so tests can move time (token expiry, rate-limit windows) without sleeping. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
