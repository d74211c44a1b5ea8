"""The name parser for scans: in this process, or in child processes for big scans."""
