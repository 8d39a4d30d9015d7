import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import { Agent } from 'undici';

/**
 * The CA certificates Graph and Entra ID calls trust: the public roots, plus one extra CA when
 * configured (the tenant simulator's, or an inspecting proxy's in a municipality's network).
 */
export function trustedCas(caFile?: string): string[] | undefined {
  if (!caFile) return undefined;
  return [...tls.rootCertificates, readFileSync(caFile, 'utf8')];
}

/** An HTTP dispatcher for fetch that trusts those CAs, keeping connections alive across paged calls. */
export function createDispatcher(ca?: string[]): Agent {
  return new Agent({ connect: ca ? { ca } : {}, keepAliveTimeout: 10_000 });
}
