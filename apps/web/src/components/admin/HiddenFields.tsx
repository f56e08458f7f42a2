/** The fields every admin form posts: its CSRF token and where to come back to. */
export function HiddenFields({ csrf, back }: { csrf: string; back: string }) {
  return (
    <>
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="return" value={back} />
    </>
  );
}
