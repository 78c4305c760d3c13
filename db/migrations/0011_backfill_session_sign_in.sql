-- Sessions from before created_at existed got now() from the column's default,
-- which would give each a fresh 30 days. Their real sign-in is unknown; the
-- last time Auth.js pushed their expiry forward (expires - 30 days) is no
-- earlier than it, so each ends by its current expiry at the latest.
UPDATE "sessions" SET "created_at" = LEAST("created_at", "expires" - interval '30 days');
