import { ConfidentialClientApplication } from '@azure/msal-node';

/**
 * An msal-node client for an app registration. A configured authority that is not Microsoft's (the
 * simulator, a sovereign cloud) is trusted as given: msal would otherwise ask Microsoft's instance
 * discovery about it, which also fails offline.
 */
export function createConfidentialClient(options: {
  clientId: string;
  clientSecret: string;
  /** https://login.microsoftonline.com/{tenant} or a stand-in. */
  authority: string;
  trustAuthority: boolean;
  /** CAs to trust for the token endpoint; the public roots when absent. */
  ca?: string[];
}): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      authority: options.authority,
      ...(options.trustAuthority ? { knownAuthorities: [new URL(options.authority).host] } : {}),
    },
    system: options.ca ? { customAgentOptions: { ca: options.ca } } : {},
  });
}
