import { z } from "zod";

export const ZSignInForm = z.object({
  accountCode: z.string().trim().toUpperCase().min(1).max(20),
  password: z.string().min(1).max(200),
});
export type TSignInForm = z.infer<typeof ZSignInForm>;
