import { describe, expect, it } from "vitest";
import {
  decodeCommand,
  encodeCommand,
  parseResponse,
  readBinaryCommand,
  selectApplicationCommand,
  signDigestCommand,
  statusWordError,
  verifyPinCommand,
} from "@/lib/card/apdu";
import { CardError } from "@/lib/card/errors";
import { bytesToHex } from "@/lib/crypto/sm2";

const hex = (bytes: Uint8Array) => bytesToHex(bytes);

describe("command APDUs", () => {
  it("encodes the application's commands", () => {
    expect(hex(encodeCommand(selectApplicationCommand()))).toBe("00a4040c08f053574341524401");
    expect(hex(encodeCommand(verifyPinCommand("88888888")))).toBe(`0020008108${"38".repeat(8)}`);
    expect(hex(encodeCommand(readBinaryCommand(1)))).toBe("00b0810000");
    expect(hex(encodeCommand(readBinaryCommand(2, 0x41)))).toBe("00b0820041");
    expect(hex(encodeCommand(signDigestCommand(new Uint8Array(32).fill(0xab))))).toBe(`002a9e9a20${"ab".repeat(32)}00`);
  });

  it("decodes all four cases and rejects malformed ones", () => {
    expect(decodeCommand(Uint8Array.of(0, 0xa4, 4, 0x0c))).toEqual({ cla: 0, ins: 0xa4, p1: 4, p2: 0x0c });
    expect(decodeCommand(Uint8Array.of(0, 0xb0, 0x81, 0, 0))).toMatchObject({ le: 256 });
    expect(decodeCommand(Uint8Array.of(0, 0x20, 0, 0x81, 2, 1, 2))).toMatchObject({ data: Uint8Array.of(1, 2) });
    expect(decodeCommand(Uint8Array.of(0, 0x2a, 0x9e, 0x9a, 1, 7, 0x48))).toMatchObject({ data: Uint8Array.of(7), le: 0x48 });
    expect(decodeCommand(Uint8Array.of(0, 0x20, 0, 0x81, 3, 1))).toBeNull();
    expect(decodeCommand(Uint8Array.of(0, 0x20, 0))).toBeNull();
  });

  it("splits a response into data and status word", () => {
    expect(parseResponse(Uint8Array.of(1, 2, 0x90, 0x00))).toEqual({ data: Uint8Array.of(1, 2), sw: 0x9000 });
    expect(() => parseResponse(Uint8Array.of(0x90))).toThrow(CardError);
  });
});

describe("status words", () => {
  const code = (sw: number) => statusWordError(sw)?.code;

  it("maps each status word to its error", () => {
    expect(statusWordError(0x9000)).toBeNull();
    expect(code(0x6983)).toBe("LOCKED");
    expect(code(0x63c0)).toBe("LOCKED");
    expect(code(0x6982)).toBe("PIN_NOT_VERIFIED");
    expect(code(0x6a82)).toBe("NOT_CUSTOMS_CARD");
    expect(code(0x6d00)).toBe("NOT_SUPPORTED");
    expect(code(0x6e00)).toBe("NOT_SUPPORTED");
    expect(code(0x6700)).toBe("CARD_FAILURE");
    expect(code(0x6f00)).toBe("CARD_FAILURE");
  });

  it("reads the tries left from 63Cx", () => {
    const error = statusWordError(0x63c3);
    expect(error).toMatchObject({ code: "WRONG_PIN", triesLeft: 3, statusWord: 0x63c3 });
  });

  it("names unknown status words in the detail", () => {
    expect(statusWordError(0x6f00)).toMatchObject({ code: "CARD_FAILURE", detail: "SW 6F00" });
  });
});
