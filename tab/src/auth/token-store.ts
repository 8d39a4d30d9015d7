const KEY = 'digipuls.token';

/** The access token lives for the browser tab only (sessionStorage), never in localStorage. */
export const tokenStore = {
  get: () => sessionStorage.getItem(KEY) ?? undefined,
  set: (token: string) => sessionStorage.setItem(KEY, token),
  clear: () => sessionStorage.removeItem(KEY),
};
