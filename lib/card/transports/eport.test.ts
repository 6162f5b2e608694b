import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EPORT_METHODS } from "@/lib/card/eport-protocol";
import { connectEportSigner, probeEport } from "@/lib/card/transports/eport";
import { pemToDer, sm2PublicKeyFromDer } from "@/lib/card/certificate";
import { sm2Verify } from "@/lib/crypto/sm2";
import { demoCards } from "@/lib/demo/cards";
import { type EportServer, startEportServer } from "@/tests/support/eport-server";
import { NodeWebSocket } from "@/tests/support/websocket";

const [legalPerson, operator] = demoCards;
const message = new TextEncoder().encode('{"action":"resend","manualNo":"B32019300012","note":"补发"}');

let server: EportServer;
const connect = () => connectEportSigner({ WebSocket: NodeWebSocket, url: server.url });

beforeAll(async () => {
  server = await startEportServer({ port: 0, cards: [legalPerson, operator] });
});
afterAll(() => server.close());

describe("e-port local client transport (test server speaking its JSON protocol)", () => {
  it("is detected only where the client answers", async () => {
    expect(await probeEport({ WebSocket: NodeWebSocket, url: server.url })).toBe(true);
    expect(await probeEport({ WebSocket: NodeWebSocket, url: "ws://127.0.0.1:1" })).toBe(false);
    await expect(connectEportSigner({ WebSocket: NodeWebSocket, url: "ws://127.0.0.1:1" })).rejects.toMatchObject({
      code: "EPORT_UNAVAILABLE",
    });
  });

  it("reads the card and its certificate, verifies the PIN and signs", async () => {
    server.slot.insert(legalPerson.cardNo);
    const signer = await connect();
    const card = await signer.readCard();
    expect(card).toMatchObject({
      cardNo: legalPerson.cardNo,
      kind: "LEGAL_PERSON",
      holder: legalPerson.holder,
      enterpriseCode: legalPerson.enterpriseCustomsCode,
      publicKeyHex: legalPerson.publicKey,
    });
    expect(card.certificatePem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(sm2PublicKeyFromDer(pemToDer(card.certificatePem ?? "")).publicKeyHex).toBe(legalPerson.publicKey);
    await signer.verifyPin(legalPerson.pin);
    const signature = await signer.sign(message);
    expect(sm2Verify(legalPerson.publicKey, message, signature)).toBe(true);
    expect(sm2Verify(legalPerson.publicKey, new TextEncoder().encode("tampered"), signature)).toBe(false);
    await signer.close();
  });

  it("signs long payloads (WebSocket frames with 16- and 64-bit lengths)", async () => {
    server.slot.insert(legalPerson.cardNo);
    const signer = await connect();
    await signer.verifyPin(legalPerson.pin);
    for (const size of [300, 70_000]) {
      const long = new TextEncoder().encode(JSON.stringify({ items: "料号".repeat(size / 2) }));
      expect(sm2Verify(legalPerson.publicKey, long, await signer.sign(long))).toBe(true);
    }
    await signer.close();
  });

  it("needs the PIN before signing and refuses binary data", async () => {
    server.slot.insert(legalPerson.cardNo);
    const signer = await connect();
    await expect(signer.sign(message)).rejects.toMatchObject({ code: "PIN_NOT_VERIFIED" });
    await signer.verifyPin(legalPerson.pin);
    await expect(signer.sign(Uint8Array.of(0xff, 0xfe))).rejects.toMatchObject({ code: "NOT_SUPPORTED" });
    await signer.close();
  });

  it("reports wrong PINs with tries left, then locks after 5", async () => {
    server.slot.insert(operator.cardNo);
    const signer = await connect();
    expect((await signer.readCard()).kind).toBe("OPERATOR");
    for (let triesLeft = 4; triesLeft >= 1; triesLeft--) {
      await expect(signer.verifyPin("13572468")).rejects.toMatchObject({
        code: "WRONG_PIN",
        triesLeft,
      });
    }
    await expect(signer.verifyPin("13572468")).rejects.toMatchObject({ code: "LOCKED" });
    await expect(signer.verifyPin(operator.pin)).rejects.toMatchObject({ code: "LOCKED" });
    await signer.close();
  });

  it("reports NO_CARD when the reader is empty", async () => {
    server.slot.remove();
    const signer = await connect();
    await expect(signer.readCard()).rejects.toMatchObject({ code: "NO_CARD" });
    await signer.close();
  });

  it("speaks the envelope of the real client: greeting, _id echo, _status and _args", async () => {
    server.slot.insert(legalPerson.cardNo);
    const socket = new NodeWebSocket(server.url);
    const frames: unknown[] = [];
    socket.addEventListener("message", (event) => frames.push(JSON.parse(String(event.data))));
    await new Promise((resolve) => socket.addEventListener("open", resolve));
    socket.send(JSON.stringify({ _method: EPORT_METHODS.GET_CARD_ID, _id: 41, args: {} }));
    socket.send(JSON.stringify({ _method: EPORT_METHODS.SIGN_DATA, _id: 42, args: { inData: "x", passwd: "1" } }));
    await expect.poll(() => frames.length).toBe(3);
    expect(frames).toEqual([
      { _id: 0, _method: "open", _status: "00", _args: { Result: true, Data: [], Error: [] } },
      { _id: 41, _method: EPORT_METHODS.GET_CARD_ID, _status: "00", _args: { Result: true, Data: [legalPerson.cardNo], Error: [] } },
      {
        _id: 42,
        _method: EPORT_METHODS.SIGN_DATA,
        _status: "00",
        _args: { Result: false, Data: [], Error: ["PIN_FORMAT", "Err:PIN_FORMAT"] },
      },
    ]);
    socket.close();
  });
});
