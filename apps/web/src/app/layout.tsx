import "./globals.css";

import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

import { NavLink } from "../components/NavLink.tsx";
import { env } from "../env.ts";

export const dynamic = "force-dynamic";

/** Read per request: PUBLIC_URL makes preview-image links absolute. */
export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(env().publicUrl),
    title: { default: "Attrib", template: "%s · Attrib" },
    description:
      "Which parts of a language model wrote its next-token prediction: " +
      "every analysis the community asked for, with exact per-layer attribution.",
    applicationName: "Attrib",
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <nav aria-label="Main">
            <Link className="brand" href="/">
              Attrib
            </Link>
            <NavLink href="/">Analyses</NavLink>
            <NavLink href="/statistics">Statistics</NavLink>
            <NavLink href="/study">Study</NavLink>
            <NavLink href="/submit">Ask</NavLink>
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>
            Attrib splits a next-token logit exactly into what the embedding, every
            attention layer and every MLP layer wrote. Data:{" "}
            <a href="/api/analyses">JSON</a> · <a href="/api/analyses.csv">CSV</a> ·{" "}
            <a href="/api/statistics">statistics JSON</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
