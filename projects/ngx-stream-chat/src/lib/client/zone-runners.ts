/** Runs vendor work outside Angular, so its timers and sockets never trigger change detection. */
export type RunOutsideAngular = <T>(work: () => T) => T;

/** Runs a state update inside Angular, so zone.js apps re-render too. */
export type PublishInsideAngular = (update: () => void) => void;
