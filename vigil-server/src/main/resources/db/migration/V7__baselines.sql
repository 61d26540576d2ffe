-- Learned baselines: detector definitions (JSON), versioned; their learned state lives in <data-dir>/baselines.

CREATE TABLE detection_baseline (
    id          uuid PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    definition  text NOT NULL,
    version     integer NOT NULL,
    enabled     boolean NOT NULL DEFAULT true,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
