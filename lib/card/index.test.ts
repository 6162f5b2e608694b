import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CardEnvironment, assertCardAccepted, browserCardEnvironment, createSigner, detectTransports, preferredTransport } from "@/lib/card";
import type { CardTransportKind } from "@/lib/card/signer";
import { VirtualCardSlot } from "@/lib/card/virtual-card";
import { createFakeNavigatorHid } from "@/tests/support/card/virtual-hid";
import { FakeNavigatorUsb } from "@/tests/support/card/virtual-usb";
import { sm2Verify } from "@/lib/crypto/sm2";
import { demoCards } from "@/lib/demo/cards";
import { type EportServer, startEportServer } from "@/tests/support/eport-server";
import { NodeWebSocket } from "@/tests/support/websocket";

const [legalPerson, operator] = demoCards;
const message = new TextEncoder().encode('{"action":"subscribe"}');

let server: EportServer;
beforeAll(async () => {
  server = await startEportServer({ port: 0, cards: [legalPerson] });
});
afterAll(() => server.close());

const fullEnvironment = (): CardEnvironment => ({
  hid: createFakeNavigatorHid([legalPerson]),
  usb: new FakeNavigatorUsb([legalPerson]),
  WebSocket: NodeWebSocket,
  eportUrl: server.url,
  virtualSlot: new VirtualCardSlot([legalPerson]),
});

describe("transport detection", () => {
  it("lists what the page can use, the e-port only when its client answers", async () => {
    const transports = await detectTransports({ ...fullEnvironment(), eportUrl: "ws://127.0.0.1:1" });
    expect(transports.map(({ kind, available, ready }) => [kind, available, ready])).toEqual([
      ["eport", false, false],
      ["webhid", true, false],
      ["webusb", true, false],
      ["virtual", true, true],
    ]);
    expect(preferredTransport(transports)).toBe("virtual");
  });

  it("prefers a reachable e-port client, and never offers the virtual card unless enabled", async () => {
    const { virtualSlot: _, ...production } = fullEnvironment();
    const transports = await detectTransports(production);
    expect(transports.map((t) => t.kind)).toEqual(["eport", "webhid", "webusb"]);
    expect(preferredTransport(transports)).toBe("eport");
  });

  it("marks WebHID ready once a token was granted", async () => {
    const env = fullEnvironment();
    await (await createSigner("webhid", env)).close();
    const webhid = (await detectTransports(env)).find((t) => t.kind === "webhid");
    expect(webhid?.ready).toBe(true);
  });

  it("finds nothing to offer outside a browser", async () => {
    const env = browserCardEnvironment({ eportUrl: "ws://127.0.0.1:1" });
    expect(env.hid).toBeUndefined();
    expect(env.usb).toBeUndefined();
    expect(preferredTransport(await detectTransports(env))).toBeNull();
  });
});

describe("createSigner", () => {
  it.each<CardTransportKind>(["webhid", "webusb", "eport", "virtual"])("signs through %s", async (kind) => {
    const signer = await createSigner(kind, fullEnvironment());
    expect(signer.transport).toBe(kind);
    const card = await signer.readCard();
    assertCardAccepted(card, { enterpriseCode: legalPerson.enterpriseCustomsCode, legalPersonOnly: true });
    await signer.verifyPin(legalPerson.pin);
    expect(sm2Verify(card.publicKeyHex, message, await signer.sign(message))).toBe(true);
    await signer.close();
  });

  it("refuses a transport the environment lacks", async () => {
    await expect(createSigner("webusb", {})).rejects.toMatchObject({ code: "NOT_SUPPORTED" });
    await expect(createSigner("virtual", {})).rejects.toMatchObject({ code: "NOT_SUPPORTED" });
  });
});

describe("assertCardAccepted", () => {
  const card = { cardNo: operator.cardNo, kind: operator.kind, holder: operator.holder, enterpriseCode: operator.enterpriseCustomsCode };

  it("refuses another enterprise's card and an operator card where a legal-person card is needed", () => {
    expect(() => assertCardAccepted(card, { enterpriseCode: "4403940123" })).toThrow(expect.objectContaining({ code: "WRONG_ENTERPRISE" }));
    expect(() => assertCardAccepted(card, { legalPersonOnly: true })).toThrow(expect.objectContaining({ code: "NOT_LEGAL_PERSON" }));
    expect(() => assertCardAccepted(card, { enterpriseCode: operator.enterpriseCustomsCode })).not.toThrow();
  });
});
