// The subscribe form as the page sends it: nothing chosen, valid one year; tests set what they need.
import { addYearsToDay, shanghaiDay } from "@/lib/time/shanghai";
import type { TSubscribeForm } from "@/lib/validations/subscription";

export const subscribeForm = (clientId: string, overrides: Partial<TSubscribeForm> = {}): TSubscribeForm => ({
  clientId,
  stockEnabled: false,
  incrementalEnabled: false,
  stockEmsNo: "",
  pushMaterials: false,
  pushProducts: false,
  materialFrom: "",
  materialTo: "",
  productFrom: "",
  productTo: "",
  incrementalEmsNo: "",
  validUntil: addYearsToDay(shanghaiDay(), 1),
  ...overrides,
});
