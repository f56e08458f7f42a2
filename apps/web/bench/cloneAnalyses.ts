import pg from "pg";

/**
 * Copies the stored analyses (with their targets and contributions) until
 * the database holds `total`, each copy with a numbered prompt and a time
 * in the past year: a large store in seconds, without running the model
 * ten thousand times. The copies' numbers are those of real analyses.
 */
export async function cloneAnalyses(databaseUrl: string, total: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [{ count = 0 } = {}] = (
      await client.query<{ count: number }>("SELECT count(*)::int AS count FROM analysis")
    ).rows;
    const copies = Math.ceil(Math.max(0, total - count) / Math.max(1, count));
    await client.query("BEGIN");
    await client.query(
      `CREATE TEMP TABLE clone ON COMMIT DROP AS
         SELECT a.id AS source_id, gen_random_uuid() AS id, n
           FROM analysis a CROSS JOIN generate_series(1, $1::int) n
          LIMIT $2::int`,
      [copies, Math.max(0, total - count)],
    );
    await client.query(
      `INSERT INTO analysis (id, model_id, prompt_text, prompt_token_ids, prompt_tokens, k,
              named_targets, final_norm_scale, identity_error, tokenize_ms, inference_ms,
              total_ms, platform, user_display_name, created_at)
       SELECT c.id, a.model_id, a.prompt_text || ' #' || c.n, a.prompt_token_ids,
              a.prompt_tokens, a.k, a.named_targets, a.final_norm_scale, a.identity_error,
              a.tokenize_ms, a.inference_ms, a.total_ms,
              (ARRAY['discord','slack','web','cli'])[1 + c.n % 4]::platform,
              a.user_display_name, now() - random() * interval '365 days'
         FROM clone c JOIN analysis a ON a.id = c.source_id`,
    );
    await client.query(
      `CREATE TEMP TABLE target_clone ON COMMIT DROP AS
         SELECT t.id AS source_id, nextval(pg_get_serial_sequence('analysis_target', 'id')) AS id,
                c.id AS analysis_id
           FROM clone c JOIN analysis_target t ON t.analysis_id = c.source_id`,
    );
    await client.query(
      `INSERT INTO analysis_target
       SELECT tc.id, tc.analysis_id, t.position, t.token_id, t.token, t.rank, t.logit,
              t.probability, t.source, t.identity_error, t.raw_total, t.raw_positive_mass,
              t.raw_negative_mass, t.raw_has_signed_shares, t.centered_total,
              t.centered_positive_mass, t.centered_negative_mass,
              t.centered_has_signed_shares, t.rough_total, t.rough_positive_mass,
              t.rough_negative_mass, t.rough_has_signed_shares, t.difference_token_id,
              t.difference_token, t.difference_total, t.difference_positive_mass,
              t.difference_negative_mass, t.difference_has_signed_shares
         FROM target_clone tc JOIN analysis_target t ON t.id = tc.source_id`,
    );
    await client.query(
      `INSERT INTO contribution (target_id, position, layer, kind, raw, centered, rough,
              difference, component)
       SELECT tc.id, c.position, c.layer, c.kind, c.raw, c.centered, c.rough, c.difference,
              c.component
         FROM target_clone tc JOIN contribution c ON c.target_id = tc.source_id`,
    );
    await client.query("COMMIT");
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
}
