// The POSTs this process has in flight to each import client, at most DELIVERY_CLIENT_CONCURRENCY. A slot is
// held by a live POST (its batch still waits for it) or by a detached one (its batch went on without it). A
// request for a slot waits while a live POST of the client may free one soon, in order of asking; when every
// slot is held by a detached POST the client is slow right now, and the request is refused at once (SLOW) so the
// message can be deferred instead of waiting in memory.
import { deliveryClientConcurrency } from "./delivery-settings";

export interface ClientSlot {
  /** The POST goes on without its batch. */
  detach(): void;
  release(): void;
}

type SlotAnswer = ClientSlot | "SLOW" | "WAIT_OVER";

interface ClientState {
  live: number;
  detached: number;
  waiting: Array<(answer: SlotAnswer) => void>;
}

const clients = new Map<number, ClientState>();

/** A slot for a POST to the client; SLOW: every slot is held by a detached POST; WAIT_OVER: `until` was aborted first. */
export function acquireClientSlot(importClientId: number, until: AbortSignal): Promise<SlotAnswer> {
  const state = clients.get(importClientId) ?? { live: 0, detached: 0, waiting: [] };
  clients.set(importClientId, state);
  if (state.live + state.detached < deliveryClientConcurrency()) {
    state.live++;
    return Promise.resolve(slotOf(importClientId, state));
  }
  if (state.live === 0) return Promise.resolve("SLOW");
  if (until.aborted) return Promise.resolve("WAIT_OVER");
  return new Promise((resolve) => {
    const give = (answer: SlotAnswer) => {
      until.removeEventListener("abort", refuse);
      resolve(answer);
    };
    const refuse = () => {
      state.waiting.splice(state.waiting.indexOf(give), 1);
      resolve("WAIT_OVER");
    };
    until.addEventListener("abort", refuse, { once: true });
    state.waiting.push(give);
  });
}

function slotOf(importClientId: number, state: ClientState): ClientSlot {
  let detached = false;
  let released = false;
  return {
    detach() {
      if (detached || released) return;
      detached = true;
      state.live--;
      state.detached++;
      // Nothing live is left to free a slot soon: the waiting requests are refused.
      if (state.live === 0) for (const give of state.waiting.splice(0)) give("SLOW");
    },
    release() {
      if (released) return;
      released = true;
      if (detached) state.detached--;
      else state.live--;
      const next = state.waiting.shift();
      if (next) {
        // Handed on directly, so a lane that asks again does not overtake one that waited.
        state.live++;
        next(slotOf(importClientId, state));
      } else if (state.live === 0 && state.detached === 0) {
        clients.delete(importClientId);
      }
    },
  };
}
