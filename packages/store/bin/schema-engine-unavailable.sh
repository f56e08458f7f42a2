#!/usr/bin/env bash
# Stands in for Prisma's native schema engine, which Prisma's CLI downloads at
# run time from a host this project's machines cannot reach. `prisma generate`
# only checks that the file exists and never runs it; any command that does
# run it (migrate, db push, introspection) stops here with the reason.
echo "prisma's native schema engine is not installed here (it cannot be" \
  "downloaded offline). Apply migrations with \`npm run db:migrate\`;" \
  "write new ones with \`bash prisma/diffSql.sh\` (see prisma/README.md)." >&2
exit 1
