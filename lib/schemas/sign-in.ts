/** An external sign-in provider the install has switched on, as the sign-in and invite pages list it. */
export type SignInProvider = { id: "github" | "google"; name: string };
