/** A service found or started by the dev tooling. `stop` is set only when the tooling started it. */
export interface RunningService {
  url: string;
  /** Where it came from, for the start-up banner. */
  origin: string;
  stop?: () => Promise<void>;
}
