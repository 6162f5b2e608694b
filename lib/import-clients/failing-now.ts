// The one definition of a client "failing now", used by the dashboard and the admins' client health view: its
// data deliveries have failed since failingSince without a success since (pause.ts, record-attempts.ts), or it
// is paused. A client that has recovered (a success or a resume clears failingSince and the pause) is not
// failing, whatever its old messages or its old pausedAt say. Test messages never count (pause.ts).
import type { Prisma } from "@/lib/db/client";

export const failingNowWhere = {
  OR: [{ failingSince: { not: null } }, { status: "PAUSED" }],
} satisfies Prisma.ImportClientWhereInput;

export function isFailingNow(client: { status: "ACTIVE" | "PAUSED"; failingSince: Date | null }): boolean {
  return client.status === "PAUSED" || client.failingSince !== null;
}
