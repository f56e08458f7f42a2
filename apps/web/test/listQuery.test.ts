/** The list's parameters: each invalid one becomes the nearest valid value. */
import { describe, expect, it } from "vitest";

import {
  listHref,
  parseListQuery,
  requestedParams,
  toBrowseOptions,
} from "../src/listing/listQuery.ts";

const MODELS = ["smollm2-135m-instruct"];

describe("reading the list's parameters", () => {
  it("keeps valid parameters as they are", () => {
    const query = parseListQuery(
      {
        search: " Steve ",
        model: MODELS[0],
        platform: "slack",
        from: "2025-03-01",
        page: "2",
      },
      MODELS,
    );

    expect(query).toEqual({
      search: "Steve",
      model: "smollm2-135m-instruct",
      platform: "slack",
      from: "2025-03-01",
      to: null,
      page: 2,
    });
    expect(listHref(query)).toBe(
      "/?search=Steve&model=smollm2-135m-instruct&platform=slack&from=2025-03-01&page=2",
    );
  });

  it("drops an unknown model or platform and an impossible date, and starts at page 1", () => {
    const query = parseListQuery(
      {
        model: "gpt-9",
        platform: "fax",
        from: "2025-02-30",
        to: "yesterday",
        page: "-3",
      },
      MODELS,
    );

    expect(query).toEqual({
      search: "",
      model: null,
      platform: null,
      from: null,
      to: null,
      page: 1,
    });
    expect(listHref(query)).toBe("/");
  });

  it("turns a date range given backwards round and includes the whole last day", () => {
    const query = parseListQuery({ from: "2025-03-03", to: "2025-03-01" }, MODELS);
    const options = toBrowseOptions(query);

    expect([query.from, query.to]).toEqual(["2025-03-01", "2025-03-03"]);
    expect(options.from?.toISOString()).toBe("2025-03-01T00:00:00.000Z");
    expect(options.until?.toISOString()).toBe("2025-03-04T00:00:00.000Z");
  });

  it("tells a request with only valid parameters from one that needs correcting", () => {
    const valid = { search: "Steve", page: "1" };
    const invalid = { search: "Steve", page: "0" };

    expect(requestedParams(valid).toString()).toBe("search=Steve");
    expect(requestedParams(invalid).toString()).toBe("search=Steve&page=0");
    expect(listHref(parseListQuery(invalid, MODELS))).toBe("/?search=Steve");
  });
});
