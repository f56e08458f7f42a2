import { describe, expect, it } from "vitest";

import { parseTargetOption } from "../src/command/parseTargetOption.ts";
import { parseSlackCommandText } from "../src/slack/parseSlackCommandText.ts";

describe("parseSlackCommandText", () => {
  it("takes the whole text as the prompt when no option follows it", () => {
    expect(parseSlackCommandText("  The capital of France is ")).toEqual({
      text: "The capital of France is",
      model: null,
      target: null,
      k: null,
    });
  });

  it("reads trailing options in any order, with a quoted target", () => {
    expect(
      parseSlackCommandText('Steve k:3 target:" Jobs" model:smollm2-135m-instruct'),
    ).toEqual({
      text: "Steve",
      model: "smollm2-135m-instruct",
      target: '" Jobs"',
      k: 3,
    });
  });

  it("keeps colons inside the prompt and accepts a leading text:", () => {
    expect(parseSlackCommandText("text: Time: 12:30 k:2")).toMatchObject({
      text: "Time: 12:30",
      k: 2,
    });
  });

  it("reads &, < and > as Slack escapes them", () => {
    expect(parseSlackCommandText("1 &lt; 2 &amp;&amp; 3 &gt; 2").text).toBe(
      "1 < 2 && 3 > 2",
    );
  });

  it("marks a k that is not a number so the handler can say so", () => {
    expect(parseSlackCommandText("Steve k:many").k).toBeNaN();
    expect(parseSlackCommandText("Steve k:-1").k).toBe(-1);
  });
});

describe("parseTargetOption", () => {
  it("unquotes a quoted token, keeping its leading space and escapes", () => {
    expect(parseTargetOption('" Jobs"')).toBe(" Jobs");
    expect(parseTargetOption('"\\n"')).toBe("\n");
    expect(parseTargetOption("Jobs")).toBe("Jobs");
    expect(parseTargetOption("")).toBeNull();
  });
});
