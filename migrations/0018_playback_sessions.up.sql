-- Playback sessions shared by every HTTP process (replica): a session started on one is
-- played, sought, switched and ended through any other. `owner` is the replica whose
-- ffmpeg produces its segments; `plan` is the session as decided at its start (msgpack:
-- file, streams, HLS plan), never changed; use and position are columns, written often.
CREATE TABLE playback_sessions (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    owner text NOT NULL,
    started_at double precision NOT NULL,
    last_active double precision NOT NULL,
    position double precision NOT NULL DEFAULT 0,
    plan bytea NOT NULL
);
CREATE INDEX playback_sessions_owner_idx ON playback_sessions (owner, started_at);
CREATE INDEX playback_sessions_user_idx ON playback_sessions (user_id);
