/** What the last admin action did, or why it was refused, from the page's query. */
export function ActionNotice({ notice, error }: { notice?: string; error?: string }) {
  if (error) {
    return (
      <p className="panel field-error" role="alert">
        {error}
      </p>
    );
  }
  if (notice) {
    return (
      <p className="panel" role="status">
        {notice}
      </p>
    );
  }
  return null;
}
