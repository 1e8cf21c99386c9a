const WHEN = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });

/** An instant as the team pages print it ("3 Dec 2026, 14:05", in the browser's zone). */
export const formatWhen = (iso: string) => WHEN.format(new Date(iso));
