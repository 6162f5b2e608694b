// 数据订阅 (R1–R7, R6a): one record with a stock part, an incremental part or both, signed with the legal-person card.
import { defineSignedAction } from "@/lib/signing/define";
import type { StatementPhrase } from "@/lib/signing/statement";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import { ZSubscribeForm } from "@/lib/validations/subscription";
import { createSubscription, prepareSubscription } from "../create";

type Prepared = Awaited<ReturnType<typeof prepareSubscription>>;

/** A table's part of the statement and the signed payload: not chosen, the whole table, or a serial range. */
const tableRange = (chosen: boolean, from: number | null, to: number | null) =>
  !chosen ? "none" : from === null || to === null ? "all" : `${from}-${to}`;

function subscribeStatement(prepared: Prepared): StatementPhrase[] {
  const { stock, incremental } = prepared;
  const validUntil = formatShanghaiDateTime(prepared.validUntil);
  const phrases: StatementPhrase[] = [];
  if (stock) {
    const materials = tableRange(stock.pushMaterials, stock.materialFrom, stock.materialTo);
    const products = tableRange(stock.pushProducts, stock.productFrom, stock.productTo);
    phrases.push({ key: "subscribeStock", values: { emsNo: stock.stockEmsNo, materials, products } });
  }
  if (incremental && incremental.incrementalEmsNo === stock?.stockEmsNo) phrases.push({ key: "incrementalUntil", values: { validUntil } });
  else if (incremental) phrases.push({ key: "subscribeIncremental", values: { emsNo: incremental.incrementalEmsNo, validUntil } });
  else phrases.push({ key: "validUntil", values: { validUntil } });
  phrases.push({ key: "pushTo", values: { clientId: prepared.client.clientId } });
  return phrases;
}

export const subscribe = defineSignedAction({
  name: "SUBSCRIBE",
  cardKinds: ["LEGAL_PERSON"],
  schema: ZSubscribeForm,
  check: (input, { tx, actor, now }) => prepareSubscription({ tx, scope: actor.scope, customsCode: actor.user.customsCode ?? "", input, now }),
  statement: (_input, prepared) => subscribeStatement(prepared),
  // Only the parts chosen, with their resolved ranges: what the record will hold.
  signedPayload: (input, { stock, incremental }) => ({
    clientId: input.clientId,
    validUntil: input.validUntil,
    stock: stock && {
      emsNo: stock.stockEmsNo,
      materials: tableRange(stock.pushMaterials, stock.materialFrom, stock.materialTo),
      products: tableRange(stock.pushProducts, stock.productFrom, stock.productTo),
    },
    incremental: incremental && { emsNo: incremental.incrementalEmsNo },
  }),
  handle: async (input, actor, signed) => {
    const subscription = await createSubscription({
      tx: signed.tx,
      scope: actor.scope,
      actor: { accountCode: actor.user.accountCode, customsCode: actor.user.customsCode ?? "" },
      card: signed.card,
      signature: signed.signature,
      signedPayload: signed.signedMessage,
      audit: signed.audit,
      input,
    });
    return { subscriptionId: subscription.id };
  },
});
