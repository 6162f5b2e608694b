// Download of one of the enterprise's own messages, byte for byte as delivered.
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { ownedBy } from "@/lib/db/tenancy";
import { renderRefusal } from "@/lib/i18n/refusal";
import { localeOf } from "@/lib/i18n/translator";
import { ZMessageId } from "@/lib/validations/identifiers";
import { issueRefusal } from "@/lib/validations/issue-refusal";

export async function GET(request: Request, { params }: { params: Promise<{ messageId: string }> }) {
  const user = await getSessionUser();
  const locale = localeOf(request);
  if (!user?.enterpriseId) return Response.json({ error: renderRefusal({ key: "auth.enterpriseSignInRequired" }, locale) }, { status: 401 });
  const messageId = ZMessageId.safeParse((await params).messageId);
  if (!messageId.success) return Response.json({ error: renderRefusal(issueRefusal(messageId.error.issues[0]), locale) }, { status: 400 });
  const message = await db.pushMessage.findFirst({
    where: { ...ownedBy({ enterpriseId: user.enterpriseId }), messageId: messageId.data },
    select: { body: true },
  });
  if (!message) return Response.json({ error: renderRefusal({ key: "pushes.messageNotFound" }, locale) }, { status: 404 });
  return new Response(message.body, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${messageId.data}.xml"`,
    },
  });
}
