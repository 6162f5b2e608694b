"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

export interface NavSection {
  title: string;
  items: { href: string; label: string }[];
}

export function SidebarNav({ sections }: { sections: NavSection[] }) {
  const pathname = usePathname();
  // The item whose link matches the address best: /admin must not light up on /admin/audit.
  const matches = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  const activeHref = sections
    .flatMap((section) => section.items.map((item) => item.href))
    .filter(matches)
    .sort((a, b) => b.length - a.length)[0];
  return (
    <nav className="grid gap-5 px-3 py-4 text-sm">
      {sections.map((section) => (
        <div key={section.title} className="grid gap-1">
          <p className="px-3 text-xs font-medium uppercase tracking-wide text-sidebar-foreground/60">{section.title}</p>
          {section.items.map((item) => {
            const active = item.href === activeHref;
            return (
              <Link
                key={item.href}
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "rounded-md px-3 py-2 text-sidebar-foreground/90 transition-colors hover:bg-sidebar-accent",
                  active && "bg-sidebar-accent font-medium text-white",
                )}
              >
                {item.label}
              </Link>
            );
          })}
        </div>
      ))}
    </nav>
  );
}
