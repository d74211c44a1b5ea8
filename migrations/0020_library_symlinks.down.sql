ALTER TABLE libraries DROP COLUMN follow_symlinks_outside;
