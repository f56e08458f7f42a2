from attrib_converter.cli import main

raise SystemExit(main())
