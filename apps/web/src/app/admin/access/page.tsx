import type { Metadata } from "next";

import { currentOperator } from "../../../admin/currentOperator.ts";
import { ActionNotice } from "../../../components/admin/ActionNotice.tsx";
import { AdminHeader } from "../../../components/admin/AdminHeader.tsx";
import { HiddenFields } from "../../../components/admin/HiddenFields.tsx";
import { formatMoment } from "../../../format/dates.ts";
import { moderationStore } from "../../../server/moderationStore.ts";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Blocks and servers",
  robots: { index: false, follow: false },
};

const BACK = "/admin/access";

function PlatformSelect() {
  return (
    <select name="platform" aria-label="Platform">
      <option value="discord">Discord</option>
      <option value="slack">Slack</option>
    </select>
  );
}

/** Blocked users and servers, and servers that keep their analyses private. */
export default async function AccessPage({
  searchParams,
}: {
  searchParams: Promise<{ notice?: string; error?: string }>;
}) {
  const operator = await currentOperator();
  const { notice, error } = await searchParams;
  const store = moderationStore();
  const [blocks, servers] = await Promise.all([
    store.listBlocks(),
    store.listUnpublishedServers(),
  ]);
  return (
    <>
      <AdminHeader email={operator.email} csrf={operator.csrf} />
      <h1>Blocks and servers</h1>
      <ActionNotice notice={notice} error={error} />

      <h2>Blocked users and servers</h2>
      <form method="post" action="/api/admin/blocks" className="filters">
        <HiddenFields csrf={operator.csrf} back={BACK} />
        <input type="hidden" name="action" value="block" />
        <PlatformSelect />
        <select name="kind" aria-label="Kind">
          <option value="user">user</option>
          <option value="server">server</option>
        </select>
        <input name="subject" aria-label="Platform id" placeholder="id" required />
        <input name="reason" aria-label="Reason" placeholder="reason (optional)" />
        <button type="submit">Block</button>
      </form>
      <ul>
        {blocks.map((block) => (
          <li key={`${block.platform}:${block.kind}:${block.subjectId}`}>
            {block.platform} {block.kind} {block.subjectId}
            {block.reason ? ` (${block.reason})` : ""}, by {block.blockedBy},{" "}
            {formatMoment(block.createdAt)}
            <form method="post" action="/api/admin/blocks">
              <HiddenFields csrf={operator.csrf} back={BACK} />
              <input type="hidden" name="action" value="unblock" />
              <input type="hidden" name="platform" value={block.platform} />
              <input type="hidden" name="kind" value={block.kind} />
              <input type="hidden" name="subject" value={block.subjectId} />
              <button type="submit">Unblock</button>
            </form>
          </li>
        ))}
      </ul>

      <h2>Servers that keep their analyses off the dashboard</h2>
      <form method="post" action="/api/admin/servers" className="filters">
        <HiddenFields csrf={operator.csrf} back={BACK} />
        <input type="hidden" name="publish" value="off" />
        <PlatformSelect />
        <input
          name="server"
          aria-label="Server id"
          placeholder="guild or workspace id"
          required
        />
        <button type="submit">Keep private</button>
      </form>
      <ul>
        {servers.map((server) => (
          <li key={`${server.platform}:${server.serverId}`}>
            {server.platform} server {server.serverId}, since{" "}
            {formatMoment(server.createdAt)} ({server.changedBy})
            <form method="post" action="/api/admin/servers">
              <HiddenFields csrf={operator.csrf} back={BACK} />
              <input type="hidden" name="publish" value="on" />
              <input type="hidden" name="platform" value={server.platform} />
              <input type="hidden" name="server" value={server.serverId} />
              <button type="submit">Publish again</button>
            </form>
          </li>
        ))}
      </ul>
    </>
  );
}
