"use server";

// Signs in with account and password; returns the translated error instead of throwing.
import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { signIn } from "@/lib/auth";
import { ZSignInForm, type TSignInForm } from "@/lib/validations/sign-in";

export async function signInAction(input: TSignInForm): Promise<{ ok: true } | { ok: false; error: string }> {
  const t = await getTranslations("login");
  const parsed = ZSignInForm.safeParse(input);
  if (!parsed.success) return { ok: false, error: t("invalid") };
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
    return { ok: true };
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      return { ok: false, error: code === "locked" ? t("locked") : t("invalid") };
    }
    throw error;
  }
}
