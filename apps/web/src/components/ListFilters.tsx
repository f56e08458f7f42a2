import { platforms, type StoredModel } from "@attrib/store";

import { platformLabels } from "../format/platformNames.ts";
import { type ListQuery, MAX_SEARCH_LENGTH } from "../listing/listQuery.ts";

/** The list's search and filters: a plain GET form, so it works without JavaScript. */
export function ListFilters({
  query,
  models,
}: {
  query: ListQuery;
  models: StoredModel[];
}) {
  return (
    <form className="filters" method="get" action="/" role="search">
      <div>
        <label htmlFor="search">Prompt contains</label>
        <input
          id="search"
          name="search"
          type="search"
          defaultValue={query.search}
          maxLength={MAX_SEARCH_LENGTH}
          placeholder="e.g. Steve"
        />
      </div>
      <div>
        <label htmlFor="model">Model</label>
        <select id="model" name="model" defaultValue={query.model ?? ""}>
          <option value="">All models</option>
          {models.map((model) => (
            <option key={model.name} value={model.name}>
              {model.displayName}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="platform">Asked on</label>
        <select id="platform" name="platform" defaultValue={query.platform ?? ""}>
          <option value="">Anywhere</option>
          {platforms.map((platform) => (
            <option key={platform} value={platform}>
              {platformLabels[platform]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="from">From (UTC)</label>
        <input id="from" name="from" type="date" defaultValue={query.from ?? ""} />
      </div>
      <div>
        <label htmlFor="to">To (UTC)</label>
        <input id="to" name="to" type="date" defaultValue={query.to ?? ""} />
      </div>
      <div>
        <button type="submit">Filter</button>
      </div>
    </form>
  );
}
