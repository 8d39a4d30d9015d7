import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import type { CodeStore } from './authorization-codes.js';
import type { SimContext } from './context.js';
import { formOf, redirect, sendHtml, type Router, type SimRequest } from './http.js';
import { errorPage, pageLocale, signInPage } from './sign-in-page.js';
import { tenantOf } from './tenants.js';

/** The parameters of an authorization request (RFC 6749 §4.1.1 with PKCE, RFC 7636). */
const authorizeRequest = z.object({
  client_id: z.string().min(1),
  response_type: z.literal('code', { error: "response_type must be 'code' (the authorization code flow)" }),
  redirect_uri: z.string().min(1),
  code_challenge: z.string({ error: 'code_challenge is required (PKCE)' }).regex(/^[A-Za-z0-9._~-]{43,128}$/, 'code_challenge must be 43 to 128 base64url characters'),
  code_challenge_method: z.literal('S256', { error: "code_challenge_method must be 'S256'" }),
  response_mode: z.enum(['query', 'fragment'], { error: "response_mode must be 'query' or 'fragment'" }).default('query'),
  state: z.string().max(2000).optional(),
  scope: z.string().max(2000).optional(),
  nonce: z.string().max(2000).optional(),
  ui_locales: z.string().max(200).optional(),
  login_hint: z.string().max(500).optional(),
  prompt: z.string().max(100).optional(),
});
type AuthorizeRequest = z.infer<typeof authorizeRequest>;

/** Redirect URIs the simulator sends codes to: only this machine, never the network. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * `/{tenant}/oauth2/v2.0/authorize`: GET shows the demo sign-in page; choosing a person POSTs the
 * request back with `person`, which redirects to `redirect_uri` with `code` and `state`. A bad
 * client or redirect URI is shown on the page (nothing may be sent to an unverified URI); every other
 * error goes back to the client as `error` and `error_description`, as Entra does.
 */
export function registerAuthorize(router: Router, ctx: SimContext, codes: CodeStore): void {
  const authorize = (req: SimRequest, res: ServerResponse) => {
    const fields = req.method === 'POST' ? formOf(req) : req.url.searchParams;
    const locale = pageLocale(fields.get('ui_locales'));
    const fail = (reason: string) => sendHtml(res, 400, errorPage(locale, reason));
    if (tenantOf(ctx, req.params.tenant!) !== ctx.tenantId) return fail(`AADSTS90002: Tenant '${req.params.tenant}' not found.`);
    const clientId = fields.get('client_id');
    if (clientId !== ctx.app.clientId) {
      return fail(`AADSTS700016: Application with identifier '${clientId ?? ''}' was not found in the directory '${ctx.municipality.name}'.`);
    }
    const redirectUri = loopbackRedirect(fields.get('redirect_uri'));
    if (!redirectUri) {
      return fail(`AADSTS50011: The redirect URI '${fields.get('redirect_uri') ?? ''}' does not match the redirect URIs configured for the application (the simulator accepts http(s) loopback addresses only).`);
    }
    const parsed = authorizeRequest.safeParse(Object.fromEntries(fields));
    const mode = fields.get('response_mode') === 'fragment' ? 'fragment' : 'query';
    const back = (params: Record<string, string | undefined>) => redirect(res, withParams(redirectUri, params, mode));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const error = issue.path[0] === 'response_type' ? 'unsupported_response_type' : 'invalid_request';
      return back({ error, error_description: `AADSTS900144: ${issue.message}`, state: fields.get('state') ?? undefined });
    }
    const request = parsed.data;
    const personId = req.method === 'POST' ? fields.get('person') : null;
    if (!personId) return showPage(res, ctx, request);
    const person = ctx.personById(personId);
    if (!person) return fail(`AADSTS50034: The user account ${personId} does not exist in the ${ctx.municipality.name} directory.`);
    if (!person.accountEnabled) return fail('AADSTS50057: The user account is disabled.');
    const code = codes.issue({
      clientId: request.client_id,
      redirectUri: request.redirect_uri,
      challenge: request.code_challenge,
      personId: person.id,
      scope: request.scope ?? 'openid profile',
      nonce: request.nonce,
    });
    back({ code, state: request.state });
  };
  router.on('GET', '/:tenant/oauth2/v2.0/authorize', authorize);
  router.on('POST', '/:tenant/oauth2/v2.0/authorize', authorize);
}

function showPage(res: ServerResponse, ctx: SimContext, request: AuthorizeRequest): void {
  const demo = ctx.municipality.demoPersons;
  sendHtml(
    res,
    200,
    signInPage({
      locale: pageLocale(request.ui_locales ?? null),
      municipality: ctx.municipality.name,
      people: [demo.communicator, demo.unitLead, demo.admin, demo.safetyRep, demo.staff],
      // The request travels with each choice, so the POST is as complete as the GET was.
      hiddenFields: Object.fromEntries(Object.entries(request).filter((e): e is [string, string] => typeof e[1] === 'string')),
    }),
  );
}

/** The redirect URI as a URL when it is http(s) on a loopback host without a fragment, else undefined. */
function loopbackRedirect(value: string | null): URL | undefined {
  if (!value || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  const ok = (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname) && !url.hash && !url.username && !url.password;
  return ok ? url : undefined;
}

function withParams(base: URL, params: Record<string, string | undefined>, mode: 'query' | 'fragment'): string {
  const url = new URL(base);
  const defined = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined);
  if (mode === 'fragment') url.hash = new URLSearchParams(defined).toString();
  else for (const [k, v] of defined) url.searchParams.set(k, v);
  return url.toString();
}
