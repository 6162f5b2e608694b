// The request id of the web request (or job) being handled, carried into the jobs it sends so that one id
// follows a subscription from the browser to the import client in the logs.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

const storage = new AsyncLocalStorage<{ requestId: string }>();

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

export function withRequestId<T>(requestId: string | null | undefined, fn: () => T): T {
  return storage.run({ requestId: requestId && /^[\w-]{1,100}$/.test(requestId) ? requestId : randomUUID() }, fn);
}
