import Link from "next/link";

/** The admin pages' own navigation, the signed-in operator and the sign-out button. */
export function AdminHeader({ email, csrf }: { email: string; csrf: string }) {
  return (
    <nav aria-label="Administration" className="admin-nav">
      <Link href="/admin">Analyses</Link>
      <Link href="/admin/access">Blocks and servers</Link>
      <Link href="/admin/audit">Audit log</Link>
      <span className="muted small">Signed in as {email}</span>
      <form method="post" action="/api/admin/sign-out">
        <input type="hidden" name="csrf" value={csrf} />
        <button type="submit">Sign out</button>
      </form>
    </nav>
  );
}
