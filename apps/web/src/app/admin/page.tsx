import type { Metadata } from "next";
import Link from "next/link";

import { currentOperator } from "../../admin/currentOperator.ts";
import { ActionNotice } from "../../components/admin/ActionNotice.tsx";
import { AdminHeader } from "../../components/admin/AdminHeader.tsx";
import { HiddenFields } from "../../components/admin/HiddenFields.tsx";
import { formatMoment } from "../../format/dates.ts";
import { moderationStore } from "../../server/moderationStore.ts";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Moderation",
  robots: { index: false, follow: false },
};

interface AdminPageProps {
  searchParams: Promise<{
    search?: string;
    hidden?: string;
    page?: string;
    notice?: string;
    error?: string;
  }>;
}

/**
 * Every analysis with who asked for it (platform ids included: operators
 * only) and its state, with hide, unhide and delete buttons.
 */
export default async function AdminPage({ searchParams }: AdminPageProps) {
  const operator = await currentOperator();
  const query = await searchParams;
  const page = await moderationStore().listForModeration({
    search: query.search,
    hiddenOnly: query.hidden === "1",
    page: Number(query.page ?? "1") || 1,
  });
  return (
    <>
      <AdminHeader email={operator.email} csrf={operator.csrf} />
      <h1>Moderation</h1>
      <ActionNotice notice={query.notice} error={query.error} />
      <form method="get" action="/admin" className="filters">
        <label htmlFor="search">Prompt contains</label>
        <input id="search" name="search" defaultValue={query.search ?? ""} />
        <label>
          <input
            type="checkbox"
            name="hidden"
            value="1"
            defaultChecked={query.hidden === "1"}
          />{" "}
          hidden only
        </label>
        <button type="submit">Filter</button>
      </form>
      <p role="status">{page.total === 1 ? "1 analysis" : `${page.total} analyses`}</p>
      <table className="analysis-table admin-table">
        <thead>
          <tr>
            <th scope="col">Asked</th>
            <th scope="col">Prompt</th>
            <th scope="col">Who (platform ids)</th>
            <th scope="col">State</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((item) => (
            <tr key={item.id} data-analysis-id={item.id}>
              <td>{formatMoment(item.createdAt)}</td>
              <td>
                <Link href={`/analyses/${item.id}`}>{item.text}</Link>
              </td>
              <td className="small">
                {item.platform}
                {item.userDisplayName ? ` · ${item.userDisplayName}` : ""}
                {item.userId ? ` · user ${item.userId}` : ""}
                {item.serverId ? ` · server ${item.serverId}` : ""}
              </td>
              <td>
                {item.hiddenAt ? "hidden" : "public"}
                {item.serverPublishes ? "" : " (server keeps it private)"}
              </td>
              <td>
                <form
                  method="post"
                  action={`/api/admin/analyses/${item.id}/${item.hiddenAt ? "unhide" : "hide"}`}
                >
                  <HiddenFields csrf={operator.csrf} back="/admin" />
                  <button type="submit">{item.hiddenAt ? "Unhide" : "Hide"}</button>
                </form>
                <form method="post" action={`/api/admin/analyses/${item.id}/delete`}>
                  <HiddenFields csrf={operator.csrf} back="/admin" />
                  <button type="submit" className="danger">
                    Delete
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
