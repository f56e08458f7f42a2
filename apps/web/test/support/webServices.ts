/** The web suite's own PostgreSQL database and Redis database index. */
export const WEB_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/attrib_web_test";
export const WEB_REDIS_URL = "redis://127.0.0.1:6379/8";

/** Submissions one client may make per minute while the suite runs. */
export const TEST_RATE_LIMIT = 3;

/** Signs the suite's operator sessions (WEB_AUTH_SECRET). */
export const TEST_AUTH_SECRET = "web-test-operator-session-secret-0123456789";
/** Shared with the bot in production: signs authors' deletion links. */
export const TEST_DELETION_SECRET = "web-test-deletion-link-secret-0123456789";
