-- MFA: TOTP factors, backup codes, WebAuthn credentials and challenges, MFA login tokens.

-- The last time the owner proved who they are inside this session (password or a
-- second factor); changing factors needs this to be recent.
ALTER TABLE sessions ADD COLUMN reauthenticated_at timestamptz;

-- Whether a password login must be completed by a second factor (the user's choice;
-- the server setting `require_mfa` can demand it as well).
CREATE TABLE mfa_profiles (
    user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    enabled boolean NOT NULL DEFAULT false,
    changed_at timestamptz NOT NULL
);

-- One TOTP factor per user. The secret is sealed (AES-256-GCM, key id inside the
-- token) and never stored in the clear. `last_used_step` makes each time step single use.
CREATE TABLE totp_factors (
    user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret_ciphertext text NOT NULL,
    enabled boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL,
    enabled_at timestamptz,
    last_used_step bigint
);

-- Ten single-use codes per set, stored as argon2id hashes.
CREATE TABLE backup_codes (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash text NOT NULL,
    created_at timestamptz NOT NULL,
    used_at timestamptz,
    used_ip text
);
CREATE INDEX backup_codes_user_idx ON backup_codes (user_id);

CREATE TABLE webauthn_credentials (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    credential_id bytea NOT NULL,
    public_key bytea NOT NULL,
    sign_count bigint NOT NULL DEFAULT 0,
    aaguid text NOT NULL DEFAULT '',
    transports text[] NOT NULL DEFAULT '{}',
    backup_eligible boolean NOT NULL DEFAULT false,
    backup_state boolean NOT NULL DEFAULT false,
    name text NOT NULL,
    created_at timestamptz NOT NULL,
    last_used_at timestamptz,
    flagged_cloned_at timestamptz
);
CREATE UNIQUE INDEX webauthn_credentials_credential_key ON webauthn_credentials (credential_id);
CREATE INDEX webauthn_credentials_user_idx ON webauthn_credentials (user_id);

-- Single use, short-lived; user_id is null for a discoverable (passkey) login.
CREATE TABLE webauthn_challenges (
    id uuid PRIMARY KEY,
    challenge bytea NOT NULL,
    purpose text NOT NULL CHECK (purpose IN ('register', 'mfa', 'passkey')),
    user_id uuid REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz
);
CREATE INDEX webauthn_challenges_expiry_idx ON webauthn_challenges (expires_at);

-- The short-lived, single-purpose token between a correct password and the second factor.
CREATE TABLE mfa_tokens (
    token_hash text PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz
);
CREATE INDEX mfa_tokens_user_idx ON mfa_tokens (user_id);
CREATE INDEX mfa_tokens_expiry_idx ON mfa_tokens (expires_at);
