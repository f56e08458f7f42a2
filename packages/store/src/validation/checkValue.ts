import { StoreError } from "../errors/StoreError.ts";

/**
 * @throws {@link StoreError} INVALID_INPUT unless `value` is a finite number
 */
export function checkFinite(value: number, path: string): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw invalid(`${path} is ${String(value)}; it must be a finite number`);
  }
}

/**
 * @throws {@link StoreError} INVALID_INPUT unless `value` is a whole number ≥ `min`
 */
export function checkInteger(value: number, path: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw invalid(`${path} is ${String(value)}; it must be a whole number from ${min}`);
  }
}

/**
 * @throws {@link StoreError} INVALID_INPUT unless `value` is a string of at
 * least `minLength` characters that PostgreSQL can store
 */
export function checkText(value: string, path: string, minLength = 0): void {
  if (typeof value !== "string" || value.length < minLength) {
    throw invalid(`${path} must be ${minLength > 0 ? "a non-empty" : "a"} string`);
  }
  // PostgreSQL text cannot hold U+0000.
  if (value.includes("\u0000")) {
    throw invalid(
      `${path} contains a NUL character (U+0000), which PostgreSQL text cannot hold`,
    );
  }
}

function invalid(message: string): StoreError {
  return new StoreError("INVALID_INPUT", message);
}
