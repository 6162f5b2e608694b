"use server";

// Signs in with account and password; returns the translated error instead of throwing. A blocked sign-in
// says when to try again, in the same words whether or not the account exists; a disabled account is named
// only after its password was right.
import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { signIn, SignInBlocked, SignInDisabled } from "@/lib/auth";
import { formatShanghaiTime } from "@/lib/time/shanghai";
import { ZSignInForm, type TSignInForm } from "@/lib/validations/sign-in";

export async function signInAction(input: TSignInForm): Promise<{ ok: true } | { ok: false; error: string }> {
  const t = await getTranslations("login");
  const parsed = ZSignInForm.safeParse(input);
  if (!parsed.success) return { ok: false, error: t("invalid") };
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
    return { ok: true };
  } catch (error) {
    if (error instanceof SignInDisabled) return { ok: false, error: t("disabled") };
    if (error instanceof SignInBlocked) return { ok: false, error: t(error.code, { time: formatShanghaiTime(error.retryAt) }) };
    if (error instanceof AuthError) return { ok: false, error: t("invalid") };
    throw error;
  }
}
