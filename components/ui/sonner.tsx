"use client";

import { Toaster as Sonner, type ToasterProps } from "sonner";

const Toaster = (props: ToasterProps) => (
  <Sonner
    className="toaster group"
    richColors
    position="top-center"
    // Sonner's rich success and error texts are below WCAG AA (4.5:1) on their own backgrounds: darker ones.
    style={
      {
        "--normal-bg": "var(--popover)",
        "--normal-text": "var(--popover-foreground)",
        "--normal-border": "var(--border)",
        "--success-text": "hsl(140, 100%, 20%)",
        "--error-text": "hsl(360, 100%, 35%)",
      } as React.CSSProperties
    }
    {...props}
  />
);

export { Toaster };
