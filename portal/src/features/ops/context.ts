import type { BloomApi, Problem } from '../../lib/api';

/** What every part of the operator's console is given by the page. */
export interface OpsContext {
  /** An API client carrying the operator's access token. */
  api: BloomApi;
  /** Aborted when the page is left. */
  signal: AbortSignal;
  /** Shows a problem no form field can show, in the page's banner area (a 401 offers sign-in). */
  showProblem: (problem: Problem) => void;
  /** Clears the banner area (after a successful action). */
  clearProblems: () => void;
}
