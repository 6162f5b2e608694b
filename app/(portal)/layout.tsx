import { CardSignatureProvider } from "@/components/card/card-signature-provider";
import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/auth/session";
import { virtualCardsAllowed } from "@/lib/config/card";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell user={user}>
      <CardSignatureProvider virtualCards={virtualCardsAllowed()} enterpriseCode={user.customsCode ?? ""}>
        {children}
      </CardSignatureProvider>
    </AppShell>
  );
}
