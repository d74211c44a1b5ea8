"""The local disk: walking library folders, reading .nfo files, hashing, watching."""
