"use client";

/**
 * What a page shows when the database or the queue cannot be reached. The
 * details stay in the server's log; the reader learns what to do.
 */
export default function PageError({ reset }: { error: Error; reset: () => void }) {
  return (
    <>
      <h1>Something went wrong</h1>
      <p>
        The dashboard could not read the analyses just now (the database may be
        unreachable). Please try again in a minute.
      </p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </p>
    </>
  );
}
