-- The alert routing tree (Alertmanager configuration format), every version kept; the newest is in force, and an
-- empty text means no tree (receivers choose alerts by their own filters).

CREATE TABLE alert_routing (
    version     integer PRIMARY KEY,
    yaml        text NOT NULL,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
