-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "platform" AS ENUM ('discord', 'slack', 'web', 'cli');

-- CreateEnum
CREATE TYPE "component_kind" AS ENUM ('embed', 'attn', 'mlp', 'bias');

-- CreateEnum
CREATE TYPE "target_source" AS ENUM ('top', 'named', 'top+named');

-- CreateTable
CREATE TABLE "installed_model" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "architecture" TEXT NOT NULL,
    "n_layers" INTEGER NOT NULL,
    "d_model" INTEGER,
    "d_mlp" INTEGER,
    "n_heads" INTEGER,
    "n_kv_heads" INTEGER,
    "d_vocab" INTEGER,
    "max_context" INTEGER,
    "tied_embeddings" BOOLEAN NOT NULL,
    "final_logit_softcap" DOUBLE PRECISION,
    "source_kind" TEXT,
    "source_ref" TEXT,
    "quantization" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "installed_model_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "analysis" (
    "id" UUID NOT NULL,
    "model_id" INTEGER NOT NULL,
    "prompt_text" TEXT NOT NULL,
    "prompt_token_ids" INTEGER[],
    "prompt_tokens" TEXT[],
    "k" INTEGER NOT NULL,
    "named_targets" TEXT[],
    "final_norm_scale" DOUBLE PRECISION NOT NULL,
    "identity_error" DOUBLE PRECISION NOT NULL,
    "tokenize_ms" DOUBLE PRECISION NOT NULL,
    "inference_ms" DOUBLE PRECISION NOT NULL,
    "total_ms" DOUBLE PRECISION NOT NULL,
    "platform" "platform" NOT NULL,
    "server_id" TEXT,
    "channel_id" TEXT,
    "user_id" TEXT,
    "user_display_name" TEXT,
    "dedupe_key" TEXT,
    "request_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analysis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "analysis_target" (
    "id" SERIAL NOT NULL,
    "analysis_id" UUID NOT NULL,
    "position" SMALLINT NOT NULL,
    "token_id" INTEGER NOT NULL,
    "token" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "logit" DOUBLE PRECISION NOT NULL,
    "probability" DOUBLE PRECISION NOT NULL,
    "source" "target_source" NOT NULL,
    "identity_error" DOUBLE PRECISION NOT NULL,
    "raw_total" DOUBLE PRECISION NOT NULL,
    "raw_positive_mass" DOUBLE PRECISION NOT NULL,
    "raw_negative_mass" DOUBLE PRECISION NOT NULL,
    "raw_has_signed_shares" BOOLEAN NOT NULL,
    "centered_total" DOUBLE PRECISION NOT NULL,
    "centered_positive_mass" DOUBLE PRECISION NOT NULL,
    "centered_negative_mass" DOUBLE PRECISION NOT NULL,
    "centered_has_signed_shares" BOOLEAN NOT NULL,
    "rough_total" DOUBLE PRECISION NOT NULL,
    "rough_positive_mass" DOUBLE PRECISION NOT NULL,
    "rough_negative_mass" DOUBLE PRECISION NOT NULL,
    "rough_has_signed_shares" BOOLEAN NOT NULL,
    "difference_token_id" INTEGER,
    "difference_token" TEXT,
    "difference_total" DOUBLE PRECISION,
    "difference_positive_mass" DOUBLE PRECISION,
    "difference_negative_mass" DOUBLE PRECISION,
    "difference_has_signed_shares" BOOLEAN,

    CONSTRAINT "analysis_target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contribution" (
    "target_id" INTEGER NOT NULL,
    "position" SMALLINT NOT NULL,
    "layer" SMALLINT,
    "kind" "component_kind" NOT NULL,
    "raw" DOUBLE PRECISION NOT NULL,
    "centered" DOUBLE PRECISION NOT NULL,
    "rough" DOUBLE PRECISION NOT NULL,
    "difference" DOUBLE PRECISION,
    "component" TEXT NOT NULL,

    CONSTRAINT "contribution_pkey" PRIMARY KEY ("target_id","position")
);

-- CreateIndex
CREATE UNIQUE INDEX "installed_model_name_key" ON "installed_model"("name");

-- CreateIndex
CREATE UNIQUE INDEX "analysis_dedupe_key_key" ON "analysis"("dedupe_key");

-- CreateIndex
CREATE UNIQUE INDEX "analysis_request_id_key" ON "analysis"("request_id");

-- CreateIndex
CREATE INDEX "analysis_created_at_idx" ON "analysis"("created_at" DESC);

-- CreateIndex
CREATE INDEX "analysis_model_id_created_at_idx" ON "analysis"("model_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "analysis_platform_created_at_idx" ON "analysis"("platform", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "analysis_target_analysis_id_position_key" ON "analysis_target"("analysis_id", "position");

-- CreateIndex
CREATE INDEX "contribution_kind_layer_idx" ON "contribution"("kind", "layer");

-- AddForeignKey
ALTER TABLE "analysis" ADD CONSTRAINT "analysis_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "installed_model"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "analysis_target" ADD CONSTRAINT "analysis_target_analysis_id_fkey" FOREIGN KEY ("analysis_id") REFERENCES "analysis"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contribution" ADD CONSTRAINT "contribution_target_id_fkey" FOREIGN KEY ("target_id") REFERENCES "analysis_target"("id") ON DELETE CASCADE ON UPDATE CASCADE;

