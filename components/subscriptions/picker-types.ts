// What the subscribe form's pickers show, as plain data passed from the page (times already formatted).
export interface PickerManual {
  emsNo: string;
  materialCount: number;
  materialMaxSeqno: number;
  productCount: number;
  productMaxSeqno: number;
  /** yyyy-MM-dd HH:mm:ss, Asia/Shanghai. */
  lastChangedAt: string;
}

export interface PickerClient {
  clientId: string;
  name: string;
  boundCardNo: string | null;
  status: "ACTIVE" | "PAUSED";
  /** yyyy-MM-dd HH:mm:ss, Asia/Shanghai: since when a paused client's deliveries have failed. */
  failingSince: string | null;
}
