from station.entry import main

raise SystemExit(main())
