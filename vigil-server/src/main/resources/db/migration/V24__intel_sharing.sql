-- Sharing threat intelligence: the TLP an incident's observables are shared under (the STIX export marks them with it).
ALTER TABLE incident
    ADD COLUMN tlp text NOT NULL DEFAULT 'amber'
        CHECK (tlp IN ('clear', 'green', 'amber', 'amber+strict', 'red'));
