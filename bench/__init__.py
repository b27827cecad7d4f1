"""The reader-side benchmark (`make bench`): its driver, seed and bench-only Django settings."""
