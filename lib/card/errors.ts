// Card errors with stable codes and the Chinese messages shown to the user (one map, reused by the UI).

export const CARD_ERROR_MESSAGES = {
  NO_CARD: "未检测到卡",
  WRONG_PIN: "口令错误，剩余 {triesLeft} 次",
  LOCKED: "卡已锁定",
  PIN_FORMAT: "口令格式不正确",
  PIN_NOT_VERIFIED: "尚未验证口令",
  NOT_CUSTOMS_CARD: "不是有效的海关卡",
  WRONG_ENTERPRISE: "非本企业卡",
  NOT_LEGAL_PERSON: "非法人卡",
  NOT_SUPPORTED: "当前浏览器或设备不支持此读卡方式",
  EPORT_UNAVAILABLE: "未连接到电子口岸客户端，请确认客户端已安装并启动",
  TRANSPORT: "与读卡设备通信失败",
  TIMEOUT: "读卡设备响应超时",
  CANCELLED: "已取消",
  CARD_FAILURE: "卡片操作失败",
} as const;

export type CardErrorCode = keyof typeof CARD_ERROR_MESSAGES;

export interface CardErrorDetails {
  /** PIN tries left, for WRONG_PIN. */
  triesLeft?: number;
  /** ISO 7816 status word that caused the error, when one did. */
  statusWord?: number;
  /** Extra technical detail (e.g. the e-port client's own message), appended to the message. */
  detail?: string;
}

/** The Chinese message for a code, with the tries left filled in (or dropped when unknown). */
export function cardErrorMessage(code: CardErrorCode, details: CardErrorDetails = {}): string {
  let message: string =
    code === "WRONG_PIN" && details.triesLeft === undefined ? "口令错误" : CARD_ERROR_MESSAGES[code];
  message = message.replace("{triesLeft}", String(details.triesLeft));
  return details.detail ? `${message}（${details.detail}）` : message;
}

export class CardError extends Error {
  readonly code: CardErrorCode;
  readonly triesLeft?: number;
  readonly statusWord?: number;
  readonly detail?: string;

  constructor(code: CardErrorCode, details: CardErrorDetails = {}) {
    super(cardErrorMessage(code, details));
    this.name = "CardError";
    this.code = code;
    this.triesLeft = details.triesLeft;
    this.statusWord = details.statusWord;
    this.detail = details.detail;
  }
}

/** Wraps anything thrown by a transport into a CardError, keeping CardErrors as they are. */
export function toCardError(error: unknown, fallback: CardErrorCode = "TRANSPORT"): CardError {
  if (error instanceof CardError) return error;
  const detail = error instanceof Error ? error.message : undefined;
  return new CardError(fallback, { detail });
}
