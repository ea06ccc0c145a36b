from station.archive.cli import main

raise SystemExit(main())
