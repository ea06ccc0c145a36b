"""`python -m station.archive`: the same as the `station-archive` script."""

from station.archive.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
