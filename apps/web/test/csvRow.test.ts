/** CSV cells: quoted when needed, and never read as a formula by a spreadsheet. */
import { describe, expect, it } from "vitest";

import { csvRow } from "../src/csv/csvRow.ts";

describe("a CSV line", () => {
  it("quotes commas, quotes, line breaks and edge spaces, and leaves numbers bare", () => {
    expect(csvRow(["a,b", 'say "hi"', "two\nlines", " Jobs", -1.5, null, true])).toBe(
      '"a,b","say ""hi""","two\nlines"," Jobs",-1.5,,true\r\n',
    );
  });

  it("keeps text that a spreadsheet would run as a formula as text", () => {
    expect(csvRow(['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)"])).toBe(
      `"'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1)\r\n`,
    );
  });
});
