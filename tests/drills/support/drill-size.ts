// Sizes of the drills: issue 9's own under `npm run drills` (DRILLS=full), small ones inside `npm test`.
const full = process.env.DRILLS === "full";

export const DRILL = full
  ? {
      mode: "full",
      messages: 10_000,
      clientOutageSeconds: 120,
      // Outlasts the outage and the backlog behind it: 2 + 5 + … = 487 s of retries before a message is 下发失败.
      retrySchedule: "2,5,10,20,30,60,60,60,60,60,60,60",
      postgresOutageSeconds: 20,
      /** How long the rest of a burst may take to arrive after the fault is over. */
      recoverySeconds: 900,
    }
  : {
      mode: "short",
      messages: 600,
      clientOutageSeconds: 12,
      retrySchedule: "1,2,4,8,15,30,60",
      postgresOutageSeconds: 5,
      recoverySeconds: 300,
    };

/** Vitest's time limit for one drill: the recovery wait and room for starting and stopping its processes. */
export const DRILL_TIMEOUT_MS = (DRILL.recoverySeconds + DRILL.clientOutageSeconds + 300) * 1000;
