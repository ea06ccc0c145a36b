"""The stage runner: per-page jobs in a process pool, resumable after any crash."""
