// Who performs a signed action and what its verified signature hands the definition's handle (define.ts).
// Free of Next.js and of the action layer, so domain code and tests use the same types.
import type { SignedAudit } from "@/lib/audit/log";
import type { SessionUser } from "@/lib/auth/credentials";
import type { Prisma } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import type { Locale } from "@/lib/i18n/locales";

export interface EnterpriseActor {
  user: SessionUser;
  scope: EnterpriseScope;
  ip: string | null;
  /** The language refusals are rendered in. */
  locale?: Locale;
}

export interface SignedContext {
  tx: Prisma.TransactionClient;
  card: { id: number; cardNo: string; kind: string; holder: string };
  signature: string;
  /** The exact text the card signed (statement/2, docs/signing.md). */
  signedMessage: string;
  /** The action's audit fields, signed bytes included; every signed action writes its entry with these. */
  audit: SignedAudit;
}
