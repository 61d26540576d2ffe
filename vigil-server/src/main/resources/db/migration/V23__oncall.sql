-- On-call schedules: layered rotations evaluated in the schedule's time zone, and overrides on top.
CREATE TABLE oncall_schedule (
    id         uuid PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    timezone   text NOT NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE oncall_rotation (
    schedule_id   uuid NOT NULL REFERENCES oncall_schedule (id) ON DELETE CASCADE,
    position      int NOT NULL,
    name          text NOT NULL,
    type          text NOT NULL CHECK (type IN ('daily', 'weekly', 'custom')),
    handoff       time NOT NULL,
    handoff_day   text,
    shift_days    int NOT NULL DEFAULT 0,
    participants  text[] NOT NULL,
    restrict_from time,
    restrict_to   time,
    starts_on     date NOT NULL,
    PRIMARY KEY (schedule_id, position)
);

CREATE TABLE oncall_override (
    id          uuid PRIMARY KEY,
    schedule_id uuid NOT NULL REFERENCES oncall_schedule (id) ON DELETE CASCADE,
    username    text NOT NULL,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL CHECK (ends_at > starts_at),
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX oncall_override_schedule ON oncall_override (schedule_id, ends_at);
