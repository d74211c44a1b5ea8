-- The last period each periodic job was started for: several workers ticking together
-- start it once per period (the one whose UPDATE/INSERT moves the slot forward).
CREATE TABLE periodic_slots (
    actor text PRIMARY KEY,
    slot bigint NOT NULL
);
