-- Job runs (what the admin sees) and the outbox that hands them to the broker.
CREATE TABLE job_runs (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    payload jsonb NOT NULL DEFAULT '{}'::jsonb,
    status text NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    max_attempts integer NOT NULL CHECK (max_attempts >= 1),
    progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    result jsonb,
    error text,
    dedupe_key text,
    created_at timestamptz NOT NULL DEFAULT now(),
    started_at timestamptz,
    finished_at timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- At most one active run per dedupe key: a second request gets the first run's id.
CREATE UNIQUE INDEX job_runs_active_dedupe_key ON job_runs (dedupe_key)
    WHERE status IN ('queued', 'running');
CREATE INDEX job_runs_created ON job_runs (created_at DESC, id DESC);
CREATE INDEX job_runs_status_created ON job_runs (status, created_at DESC, id DESC);
CREATE INDEX job_runs_name_created ON job_runs (name, created_at DESC, id DESC);
CREATE INDEX job_runs_finished ON job_runs (finished_at) WHERE finished_at IS NOT NULL;

CREATE TABLE job_outbox (
    id bigserial PRIMARY KEY,
    job_id uuid NOT NULL REFERENCES job_runs (id) ON DELETE CASCADE,
    actor text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    relayed_at timestamptz
);

CREATE INDEX job_outbox_unrelayed ON job_outbox (id) WHERE relayed_at IS NULL;
CREATE INDEX job_outbox_job ON job_outbox (job_id);
CREATE INDEX job_outbox_relayed ON job_outbox (relayed_at) WHERE relayed_at IS NOT NULL;
