// Signer over an APDU channel (WebHID, WebUSB, virtual card): the host computes e = SM3(Z‖M) from the card's
// public key and the default user id, and the card signs only the 32-byte digest.
import { type ApduChannel, CardSession } from "@/lib/card/card-session";
import { CardError, toCardError } from "@/lib/card/errors";
import type { CardInfo, CardTransportKind, Signer } from "@/lib/card/signer";
import { sm2SigningDigest } from "@/lib/crypto/sm2";

export class ApduSigner implements Signer {
  private readonly session: CardSession;
  private card?: Promise<CardInfo>;
  private closed = false;

  constructor(
    readonly transport: CardTransportKind,
    private readonly channel: ApduChannel,
  ) {
    this.session = new CardSession(channel);
  }

  readCard(): Promise<CardInfo> {
    // Read once: selecting the application again would reset the card's PIN state.
    if (!this.card) {
      const reading = this.guard(async () => {
        await this.session.selectApplication();
        const holder = await this.session.readCardInfo();
        const publicKeyHex = await this.session.readPublicKey();
        return { ...holder, publicKeyHex };
      });
      this.card = reading;
      reading.catch(() => {
        if (this.card === reading) this.card = undefined; // let the user retry, e.g. after inserting the card
      });
    }
    return this.card;
  }

  async verifyPin(pin: string): Promise<void> {
    await this.readCard();
    await this.guard(() => this.session.verifyPin(pin));
  }

  async sign(message: Uint8Array): Promise<string> {
    const { publicKeyHex } = await this.readCard();
    return this.guard(() => this.session.signDigest(sm2SigningDigest(publicKeyHex, message)));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.channel.close();
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    if (this.closed) throw new CardError("CANCELLED");
    try {
      return await operation();
    } catch (error) {
      throw toCardError(error);
    }
  }
}
