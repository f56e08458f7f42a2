-- The study report the dashboard's Study page shows (issue 6), and the
-- optional parts of an analysis (heads, neurons, lens, ablations; issue 5) as
-- one JSON document beside its rows.
-- AlterTable
ALTER TABLE "analysis" ADD COLUMN     "detail" JSONB;

-- CreateTable
CREATE TABLE "study_report" (
    "id" UUID NOT NULL,
    "run" TEXT NOT NULL,
    "format" INTEGER NOT NULL,
    "analyses" INTEGER NOT NULL,
    "statistics" JSONB NOT NULL,
    "markdown" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "study_report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "study_report_format_created_at_idx" ON "study_report"("format", "created_at" DESC);

