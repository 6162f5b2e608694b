// Dashboard: import clients whose deliveries fail now: messages 下发失败, or still retrying after a failed
// attempt (R15), with the latest error.
import type { Db } from "@/lib/db/client";

export interface FailingClient {
  clientId: string;
  clientName: string;
  customsCode: string;
  enterpriseName: string;
  endpointUrl: string;
  failed: number;
  retrying: number;
  lastError: string | null;
  lastDispatchedAt: Date;
}

export async function listFailingClients(options: { db: Db; limit?: number }): Promise<FailingClient[]> {
  return options.db.$queryRaw<FailingClient[]>`
    SELECT c."clientId", c.name AS "clientName", e."customsCode", e.name AS "enterpriseName", c."endpointUrl",
           count(*) FILTER (WHERE m."dispatchStatus" = 'FAILED')::int AS failed,
           count(*) FILTER (WHERE m."dispatchStatus" = 'PENDING')::int AS retrying,
           (array_agg(m."lastError" ORDER BY m."dispatchedAt" DESC) FILTER (WHERE m."lastError" IS NOT NULL))[1] AS "lastError",
           max(m."dispatchedAt") AS "lastDispatchedAt"
      FROM "PushMessage" m
      JOIN "ImportClient" c ON c.id = m."importClientId"
      JOIN "Enterprise" e ON e.id = c."enterpriseId"
     WHERE m."dispatchStatus" = 'FAILED' OR (m."dispatchStatus" = 'PENDING' AND m."attemptCount" > 0)
     GROUP BY c.id, e.id
     ORDER BY failed DESC, retrying DESC, c."clientId"
     LIMIT ${options.limit ?? 20}`;
}
