import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not found" };

/** Unknown pages and analyses that do not exist (or never had a valid id). */
export default function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>
        There is no such page or analysis. An analysis link looks like{" "}
        <code>/analyses/0192f3a4-5b6c-7d8e-9f01-23456789abcd</code>; it may also have been
        removed.
      </p>
      <p>
        <Link href="/">Browse all analyses</Link> or{" "}
        <Link href="/submit">ask a new one</Link>.
      </p>
    </>
  );
}
