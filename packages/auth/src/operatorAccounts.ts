import { randomBytes } from "node:crypto";

import type { OperatorAuth } from "./createOperatorAuth.ts";

/** The role that may use the admin pages; any other role may not. */
export const OPERATOR_ROLE = "operator";

/** An operator account as the admin command lists it. */
export interface OperatorAccount {
  id: string;
  email: string;
  role: string;
  createdAt: Date;
}

/** A password of 24 random characters, for the operator to change later. */
function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

/**
 * Creates an operator account, or gives an existing one a new password and
 * the operator role back. Every session the account had ends.
 *
 * @returns the new password, to be shown once and never stored in clear
 */
export async function addOperator(auth: OperatorAuth, email: string): Promise<string> {
  const normalized = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(normalized)) {
    throw new Error(`${JSON.stringify(email)} is not an email address`);
  }
  const context = await auth.$context;
  const password = generatePassword();
  const hash = await context.password.hash(password);
  const existing = await context.internalAdapter.findUserByEmail(normalized);

  if (existing) {
    await context.internalAdapter.updateUser(existing.user.id, { role: OPERATOR_ROLE });
    await context.internalAdapter.deleteUserSessions(existing.user.id);
    const credential = await context.internalAdapter.findCredentialAccount(
      existing.user.id,
    );
    if (credential) {
      await context.internalAdapter.updatePassword(existing.user.id, hash);
      return password;
    }
    await linkPassword(auth, existing.user.id, hash);
    return password;
  }
  const user = await context.internalAdapter.createUser(
    { email: normalized, name: normalized, emailVerified: true, role: OPERATOR_ROLE },
    { method: "admin" },
  );
  await linkPassword(auth, user.id, hash);
  return password;
}

async function linkPassword(auth: OperatorAuth, userId: string, hash: string) {
  const context = await auth.$context;
  await context.internalAdapter.linkAccount({
    userId,
    providerId: "credential",
    accountId: userId,
    password: hash,
  });
}

/**
 * Takes the operator role away and ends every session of the account.
 *
 * @returns false when there is no such account
 */
export async function removeOperator(
  auth: OperatorAuth,
  email: string,
): Promise<boolean> {
  const context = await auth.$context;
  const existing = await context.internalAdapter.findUserByEmail(
    email.trim().toLowerCase(),
  );
  if (!existing) return false;
  await context.internalAdapter.updateUser(existing.user.id, { role: "none" });
  await context.internalAdapter.deleteUserSessions(existing.user.id);
  return true;
}

/** Every account, operators or not. */
export async function listOperators(auth: OperatorAuth): Promise<OperatorAccount[]> {
  const context = await auth.$context;
  const users = await context.internalAdapter.listUsers(1_000);
  return users.map((user) => {
    const role: unknown = (user as { role?: unknown }).role;
    return {
      id: user.id,
      email: user.email,
      role: typeof role === "string" ? role : "none",
      createdAt: user.createdAt,
    };
  });
}
