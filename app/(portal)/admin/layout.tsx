import { requireAdmin } from "@/lib/auth/session";

// Customs pages only for CUSTOMS_ADMIN, decided before anything streams so that others get a real 403.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return children;
}
