-- Per library: follow symbolic links that lead out of its folders (off by default).
ALTER TABLE libraries ADD COLUMN follow_symlinks_outside boolean NOT NULL DEFAULT false;
