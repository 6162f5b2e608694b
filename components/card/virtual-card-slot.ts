// The virtual card reader of development and test pages. The demo cards carry private keys, so they are
// loaded with a dynamic import, only when the server allows the virtual card.
import { VirtualCardSlot } from "@/lib/card/virtual-card";
import type { DemoCard } from "@/lib/demo/cards";

export interface VirtualCardReader {
  slot: VirtualCardSlot;
  /** What the tester can insert (no keys: the picker only needs to name the cards). */
  cards: Array<Pick<DemoCard, "cardNo" | "kind" | "holder" | "enterpriseCustomsCode">>;
}

/** A reader with the acting enterprise's legal-person card inserted, if it is a demo enterprise. */
export async function loadVirtualCardReader(enterpriseCode: string): Promise<VirtualCardReader> {
  const { demoCards } = await import("@/lib/demo/cards");
  const legalPersonCard = demoCards.find((card) => card.enterpriseCustomsCode === enterpriseCode && card.kind === "LEGAL_PERSON");
  return {
    slot: new VirtualCardSlot(demoCards, (legalPersonCard ?? demoCards[0]).cardNo),
    cards: demoCards.map(({ cardNo, kind, holder, enterpriseCustomsCode }) => ({ cardNo, kind, holder, enterpriseCustomsCode })),
  };
}
