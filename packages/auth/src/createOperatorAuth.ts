import { betterAuth } from "better-auth";
import pg from "pg";

/** Where the dashboard's operator sign-in keeps its state, and how it signs. */
export interface OperatorAuthOptions {
  databaseUrl: string;
  /** At least 32 characters; signs session cookies. */
  secret: string;
  /** The dashboard's public address, e.g. https://attrib.example.org */
  publicUrl: string;
  /** How long a session lasts, in seconds; 8 hours when left out. */
  sessionSeconds?: number;
  /** Told what the library would log; the library itself prints nothing. */
  log?: (level: "debug" | "info" | "warn" | "error", message: string) => void;
}

/** Sign-in attempts one client may make per minute. */
const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;

function configure(options: OperatorAuthOptions, pool: pg.Pool) {
  const secure = options.publicUrl.startsWith("https:");
  return betterAuth({
    appName: "Attrib",
    secret: options.secret,
    baseURL: options.publicUrl,
    basePath: "/api/auth",
    trustedOrigins: [new URL(options.publicUrl).origin],
    database: pool,
    telemetry: { enabled: false },
    logger: {
      level: "warn",
      log: (level, message) => options.log?.(level, message),
    },
    emailAndPassword: {
      enabled: true,
      // Operators are provisioned by `npm run admin -- add-operator`.
      disableSignUp: true,
      minPasswordLength: 12,
    },
    session: {
      modelName: "operator_session",
      expiresIn: options.sessionSeconds ?? 8 * 3_600,
      updateAge: 3_600,
      fields: {
        userId: "operator_id",
        expiresAt: "expires_at",
        ipAddress: "ip_address",
        userAgent: "user_agent",
        createdAt: "created_at",
        updatedAt: "updated_at",
      },
    },
    user: {
      modelName: "operator",
      fields: {
        emailVerified: "email_verified",
        createdAt: "created_at",
        updatedAt: "updated_at",
      },
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "none", input: false },
      },
    },
    account: {
      modelName: "operator_account",
      fields: {
        accountId: "account_id",
        providerId: "provider_id",
        userId: "operator_id",
        accessToken: "access_token",
        refreshToken: "refresh_token",
        idToken: "id_token",
        accessTokenExpiresAt: "access_token_expires_at",
        refreshTokenExpiresAt: "refresh_token_expires_at",
        createdAt: "created_at",
        updatedAt: "updated_at",
      },
    },
    verification: {
      modelName: "operator_verification",
      fields: {
        expiresAt: "expires_at",
        createdAt: "created_at",
        updatedAt: "updated_at",
      },
    },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: SIGN_IN_ATTEMPTS_PER_MINUTE },
      },
    },
    advanced: {
      useSecureCookies: secure,
      cookiePrefix: "attrib",
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure },
    },
  });
}

export type OperatorAuth = ReturnType<typeof configure> & {
  /** Closes the connection pool; call once, when the process stops. */
  close(): Promise<void>;
};

/**
 * The operators' sign-in: better-auth with email and password, sessions in
 * PostgreSQL (tables `operator`, `operator_session`, `operator_account`,
 * `operator_verification`, created by the store's migrations), httpOnly
 * SameSite=Lax cookies that are Secure when the dashboard is served over
 * https, and no sign-up.
 *
 * @throws Error when the secret is shorter than 32 characters
 */
export function createOperatorAuth(options: OperatorAuthOptions): OperatorAuth {
  if (options.secret.length < 32) {
    throw new Error(
      "the operator sign-in secret must be at least 32 characters long " +
        "(e.g. the output of `openssl rand -base64 32`)",
    );
  }
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 3 });
  const auth = configure(options, pool);
  return Object.assign(auth, { close: () => pool.end() });
}
