/** An API route's URL pattern (`/api/claims/[claimId]`) and the methods its route file exports. */
export type ApiRouteMethods = { path: string; methods: string[] };
/** Every API route under `root`/app/api, sorted by path; [] when the sources are not there. */
export function apiRouteMethods(root: string): ApiRouteMethods[];
