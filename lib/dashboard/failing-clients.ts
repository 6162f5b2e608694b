// Dashboard: import clients whose deliveries fail now: paused clients (their messages wait as 待下发), clients
// failing since a time and not yet paused (failingSince, lib/import-clients/pause.ts), and clients with messages
// 下发失败 or still retrying after a failed attempt (R15), with the latest error.
import type { Db } from "@/lib/db/client";

export interface FailingClient {
  clientId: string;
  clientName: string;
  customsCode: string;
  enterpriseName: string;
  endpointUrl: string;
  status: "ACTIVE" | "PAUSED";
  pausedAt: Date | null;
  failingSince: Date | null;
  failed: number;
  retrying: number;
  lastError: string | null;
  lastDispatchedAt: Date | null;
}

export async function listFailingClients(options: { db: Db; limit?: number }): Promise<FailingClient[]> {
  return options.db.$queryRaw<FailingClient[]>`
    WITH failing AS (
      SELECT m."importClientId",
             count(*) FILTER (WHERE m."dispatchStatus" = 'FAILED')::int AS failed,
             count(*) FILTER (WHERE m."dispatchStatus" = 'PENDING')::int AS retrying,
             (array_agg(m."lastError" ORDER BY m."dispatchedAt" DESC) FILTER (WHERE m."lastError" IS NOT NULL))[1] AS "lastError",
             max(m."dispatchedAt") AS "lastDispatchedAt"
        FROM "PushMessage" m
       WHERE m."dispatchStatus" = 'FAILED' OR (m."dispatchStatus" = 'PENDING' AND m."attemptCount" > 0)
       GROUP BY m."importClientId"
    )
    SELECT c."clientId", c.name AS "clientName", e."customsCode", e.name AS "enterpriseName", c."endpointUrl",
           c.status::text AS status, c."pausedAt", c."failingSince", coalesce(f.failed, 0) AS failed, coalesce(f.retrying, 0) AS retrying,
           f."lastError", f."lastDispatchedAt"
      FROM "ImportClient" c
      JOIN "Enterprise" e ON e.id = c."enterpriseId"
      LEFT JOIN failing f ON f."importClientId" = c.id
     WHERE c.status = 'PAUSED' OR c."failingSince" IS NOT NULL OR f."importClientId" IS NOT NULL
     ORDER BY c.status = 'PAUSED' DESC, c."failingSince" ASC NULLS LAST, failed DESC, retrying DESC, c."clientId"
     LIMIT ${options.limit ?? 20}`;
}
