// Demo enterprises' cards with deterministic development keys (private key = SM3 of a fixed label).
// Used by the seed (public keys) and by the virtual card (private keys), which exists in development and tests only.
import { sm2KeyPair, sm3Hex } from "@/lib/crypto/sm2";

export type DemoCardKind = "LEGAL_PERSON" | "OPERATOR";

export interface DemoCard {
  cardNo: string;
  kind: DemoCardKind;
  holder: string;
  enterpriseCustomsCode: string;
  pin: string;
  privateKey: string;
  publicKey: string;
}

const DEMO_PIN = "88888888";

const cardSpecs: Array<Omit<DemoCard, "privateKey" | "publicKey" | "pin">> = [
  { cardNo: "8600000100001", kind: "LEGAL_PERSON", holder: "张建国", enterpriseCustomsCode: "3201931234" },
  { cardNo: "8600000100002", kind: "OPERATOR", holder: "李明", enterpriseCustomsCode: "3201931234" },
  { cardNo: "8600000200001", kind: "LEGAL_PERSON", holder: "王海燕", enterpriseCustomsCode: "4403940123" },
  { cardNo: "8600000200002", kind: "OPERATOR", holder: "陈晓东", enterpriseCustomsCode: "4403940123" },
  { cardNo: "8600000300001", kind: "LEGAL_PERSON", holder: "刘志强", enterpriseCustomsCode: "5300960A12" },
  { cardNo: "8600000300002", kind: "OPERATOR", holder: "赵丽", enterpriseCustomsCode: "5300960A12" },
];

export const demoCards: DemoCard[] = cardSpecs.map((spec) => {
  const { privateKey, publicKey } = sm2KeyPair(sm3Hex(`sw-demo-card:${spec.cardNo}`));
  return { ...spec, pin: DEMO_PIN, privateKey, publicKey };
});
