import type { NumberState, NumberStatus } from 'vanity400';

/** What a script answers: a code first, then its values. */
export type Reply = (string | number | null)[];

/** A state from a script's reply: agent, status, customer, until from `at` on. */
export function stateOf(d: string, reply: Reply, at: number): NumberState {
  return makeState(d, String(reply[at]), reply[at + 1], reply[at + 2], reply[at + 3]);
}

export function makeState(d: string, agent: string, status: unknown, customer: unknown, until: unknown): NumberState {
  const state: NumberState = { number: d, agent, status: status as NumberStatus };
  if (state.status === 'held' || state.status === 'sold') state.customer = String(customer);
  if (state.status === 'held') state.heldUntil = Number(until);
  return state;
}

export function unexpected(reply: Reply): Error {
  return new Error(`vanity400/redis: unexpected reply from a script: ${JSON.stringify(reply).slice(0, 200)}`);
}
