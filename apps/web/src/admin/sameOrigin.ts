/**
 * Whether a state-changing request comes from the dashboard's own pages:
 * its Origin header (sent by browsers on every POST) names the dashboard's
 * public address. A request without one is refused too.
 *
 * @param publicUrl - PUBLIC_URL
 */
export function sameOrigin(request: Request, publicUrl: string): boolean {
  const origin = request.headers.get("origin");
  return origin !== null && origin === new URL(publicUrl).origin;
}
