import { describe, expect, it } from "vitest";
import { type ApduChannel, CardSession } from "@/lib/card/card-session";
import { CardError } from "@/lib/card/errors";
import { bytesToHex, hexToBytes } from "@/lib/crypto/sm2";

/** A channel that answers from a script and records the command bytes it was sent. */
function scriptedChannel(script: Array<[command: string, response: string]>) {
  const sent: string[] = [];
  const channel: ApduChannel = {
    async transmit(command) {
      const [expected, response] = script[sent.length] ?? ["", "6f00"];
      sent.push(bytesToHex(command));
      expect(bytesToHex(command)).toBe(expected);
      return hexToBytes(response);
    },
    close: async () => undefined,
  };
  return { channel, sent };
}

describe("CardSession response handling", () => {
  it("resends with the Le of 6Cxx, then collects 61xx chunks with GET RESPONSE", async () => {
    const key = `04${"11".repeat(64)}`;
    const { channel, sent } = scriptedChannel([
      ["00b0820000", "6c41"], // READ BINARY Le=256 → exact length is 0x41
      ["00b0820041", `${key.slice(0, 64)}6121`], // 32 bytes, 0x21 more
      ["00c0000021", `${key.slice(64, 128)}6101`], // GET RESPONSE: 32 bytes, 1 more
      ["00c0000001", `${key.slice(128)}9000`], // GET RESPONSE: last byte
    ]);
    expect(await new CardSession(channel).readPublicKey()).toBe(key);
    expect(sent).toHaveLength(4);
  });

  it("asks for 256 bytes when 61xx says 00", async () => {
    const { channel } = scriptedChannel([
      ["00a4040c08f053574341524401", "6100"],
      ["00c0000000", "9000"],
    ]);
    await new CardSession(channel).selectApplication();
  });

  it("throws the status word's error", async () => {
    const { channel } = scriptedChannel([["0020008108" + "31".repeat(8), "63c2"]]);
    await expect(new CardSession(channel).verifyPin("11111111")).rejects.toMatchObject({
      code: "WRONG_PIN",
      triesLeft: 2,
    });
  });

  it("refuses a malformed PIN without sending it", async () => {
    const { channel, sent } = scriptedChannel([]);
    await expect(new CardSession(channel).verifyPin("")).rejects.toMatchObject({ code: "PIN_FORMAT" });
    await expect(new CardSession(channel).verifyPin("口令口令")).rejects.toBeInstanceOf(CardError);
    expect(sent).toHaveLength(0);
  });

  it("gives up on a card that never stops announcing more data", async () => {
    const channel: ApduChannel = { transmit: async () => hexToBytes("01" + "6101"), close: async () => undefined };
    await expect(new CardSession(channel).selectApplication()).rejects.toMatchObject({ code: "CARD_FAILURE" });
  });
});
