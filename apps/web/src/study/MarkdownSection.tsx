import type { ReactNode } from "react";

/**
 * The part of a Markdown report under one `## ` heading, rendered as
 * React elements (never as HTML): paragraphs, bullet lists, pipe tables,
 * **bold** and `code`. The study report uses nothing else.
 */
export function MarkdownSection({
  markdown,
  title,
}: {
  markdown: string;
  title: string;
}) {
  const body = sectionBody(markdown, title);
  if (body === null) return null;
  return <>{blocksOf(body).map(renderBlock)}</>;
}

/** The lines under `## title` up to the next `## ` heading, or null without it. */
export function sectionBody(markdown: string, title: string): string[] | null {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => line.trim() === `## ${title}`);
  if (start < 0) return null;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith("## "));
  return end < 0 ? rest : rest.slice(0, end);
}

type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "table"; rows: string[][] }
  | { kind: "heading"; text: string };

function blocksOf(lines: string[]): Block[] {
  const blocks: Block[] = [];
  for (const raw of lines) {
    const line = raw.trimEnd();
    const last = blocks.at(-1);
    if (line.trim() === "") {
      blocks.push({ kind: "paragraph", text: "" });
    } else if (line.startsWith("### ")) {
      blocks.push({ kind: "heading", text: line.slice(4) });
    } else if (line.startsWith("- ")) {
      if (last?.kind === "list") last.items.push(line.slice(2));
      else blocks.push({ kind: "list", items: [line.slice(2)] });
    } else if (line.startsWith("|")) {
      const cells = line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim());
      if (cells.every((cell) => /^:?-{3,}:?$/.test(cell))) continue;
      if (last?.kind === "table") last.rows.push(cells);
      else blocks.push({ kind: "table", rows: [cells] });
    } else if (line.startsWith("  ") && last?.kind === "list") {
      last.items[last.items.length - 1] += ` ${line.trim()}`;
    } else if (last?.kind === "paragraph" && last.text !== "") {
      last.text += ` ${line.trim()}`;
    } else {
      blocks.push({ kind: "paragraph", text: line.trim() });
    }
  }
  return blocks.filter((block) => block.kind !== "paragraph" || block.text !== "");
}

function renderBlock(block: Block, index: number): ReactNode {
  switch (block.kind) {
    case "heading":
      return <h4 key={index}>{inline(block.text)}</h4>;
    case "paragraph":
      return <p key={index}>{inline(block.text)}</p>;
    case "list":
      return (
        <ul key={index}>
          {block.items.map((item, i) => (
            <li key={i}>{inline(item)}</li>
          ))}
        </ul>
      );
    case "table": {
      const [head, ...body] = block.rows;
      return (
        <div key={index} className="scroll">
          <table>
            <thead>
              <tr>
                {(head ?? []).map((cell, i) => (
                  <th key={i}>{inline(cell)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {body.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i}>{inline(cell)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
  }
}

/** `**bold**` and `` `code` `` inside a line; links and images stay text. */
function inline(text: string): ReactNode[] {
  return text
    .split(/(\*\*[^*]+\*\*|`[^`]+`)/)
    .filter((part) => part !== "")
    .map((part, i) => {
      if (part.startsWith("**") && part.endsWith("**")) {
        return <strong key={i}>{part.slice(2, -2)}</strong>;
      }
      if (part.startsWith("`") && part.endsWith("`")) {
        return <code key={i}>{part.slice(1, -1)}</code>;
      }
      return part;
    });
}
