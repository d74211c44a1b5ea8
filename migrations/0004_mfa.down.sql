DROP TABLE IF EXISTS mfa_tokens;
DROP TABLE IF EXISTS webauthn_challenges;
DROP TABLE IF EXISTS webauthn_credentials;
DROP TABLE IF EXISTS backup_codes;
DROP TABLE IF EXISTS totp_factors;
DROP TABLE IF EXISTS mfa_profiles;
ALTER TABLE sessions DROP COLUMN IF EXISTS reauthenticated_at;
