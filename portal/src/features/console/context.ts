import type { BloomApi, Problem } from '../../lib/api';

/** What every part of the console is given by the page. */
export interface ConsoleContext {
  /** An API client carrying the staff member's access token. */
  api: BloomApi;
  /** The club's slug. */
  club: string;
  /** Aborted when the page is left. */
  signal: AbortSignal;
  /** Shows a problem no form field can show, in the page's banner area (a 401 offers sign-in). */
  showProblem: (problem: Problem) => void;
}
