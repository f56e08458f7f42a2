import type { Metadata } from "next";

import { currentOperator } from "../../../admin/currentOperator.ts";
import { AdminHeader } from "../../../components/admin/AdminHeader.tsx";
import { formatMoment } from "../../../format/dates.ts";
import { moderationStore } from "../../../server/moderationStore.ts";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Audit log",
  robots: { index: false, follow: false },
};

/** Every moderation and administration action, newest first: who, what, when. */
export default async function AuditPage() {
  const operator = await currentOperator();
  const entries = await moderationStore().readAuditLog(500);
  return (
    <>
      <AdminHeader email={operator.email} csrf={operator.csrf} />
      <h1>Audit log</h1>
      <table className="analysis-table audit-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">On</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={entry.createdAt.toISOString()}>
                  {formatMoment(entry.createdAt)}
                </time>
              </td>
              <td>{entry.actor}</td>
              <td>{entry.action}</td>
              <td>{entry.subject}</td>
              <td>{entry.detail ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
