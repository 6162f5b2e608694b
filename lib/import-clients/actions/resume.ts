// 恢复 a paused import client and deliver what waited for it, signed with the legal-person card.
import { defineSignedAction } from "@/lib/signing/define";
import { ZClientRequest } from "@/lib/validations/import-client";
import { findOwnedClient } from "../find-owned";
import { resumeImportClient } from "../resume";

export const resumeClient = defineSignedAction({
  name: "CLIENT_RESUME",
  cardKinds: ["LEGAL_PERSON"],
  schema: ZClientRequest,
  check: (input, { tx, actor }) => findOwnedClient({ db: tx, scope: actor.scope, clientId: input.clientId }),
  statement: (input) => [{ key: "clientResume", values: { clientId: input.clientId } }],
  handle: (input, actor, signed) => resumeImportClient({ tx: signed.tx, scope: actor.scope, clientId: input.clientId, audit: signed.audit }),
});
