import { redirect } from "next/navigation";
import { homePathFor, requireUser } from "@/lib/auth/session";

export default async function HomePage() {
  redirect(homePathFor(await requireUser()));
}
