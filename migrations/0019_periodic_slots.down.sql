DROP TABLE IF EXISTS periodic_slots;
