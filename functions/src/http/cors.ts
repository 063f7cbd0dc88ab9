// Which browser origins may call the API (the local host answers CORS; on Azure the platform's
// CORS setting does). Reflecting any origin let every web page drive the API with a key it had
// seen; now only an allow-list is answered: LIAISON_CORS_ORIGINS (comma-separated), else the task
// pane's own origin.
export const TASK_PANE_ORIGIN = 'https://localhost:3000';

export function allowedOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const listed = (env.LIAISON_CORS_ORIGINS ?? '').split(',').map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean);
  return listed.length ? listed : [TASK_PANE_ORIGIN];
}

/** The CORS headers for a request from `origin`: none when it is not allowed (the browser then refuses). */
export function corsHeaders(origin: string | undefined, allowed: readonly string[]): Record<string, string> {
  const base = { vary: 'origin' };
  if (!origin || !(allowed.includes(origin) || allowed.includes('*'))) return base;
  return {
    ...base,
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
    'access-control-allow-headers': 'content-type, x-api-key',
    'access-control-expose-headers': 'content-disposition',
    'access-control-max-age': '600',
  };
}
