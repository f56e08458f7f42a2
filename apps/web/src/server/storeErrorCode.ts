import { type StoreErrorCode, storeErrorCodes } from "@attrib/store";

/**
 * The code of a store error, or null for any other error. Next bundles each
 * route separately, so the StoreError class a shared store instance throws
 * may come from another bundle's copy of @attrib/store, where `instanceof`
 * (and so `isStoreError`) says no. The error's name and code say it reliably.
 */
export function storeErrorCode(error: unknown): StoreErrorCode | null {
  if (!(error instanceof Error) || error.name !== "StoreError") return null;
  const code = (error as { code?: unknown }).code;
  return storeErrorCodes.find((known) => known === code) ?? null;
}
