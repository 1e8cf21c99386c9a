import { readQuery, withUser } from "@/lib/api/handler";
import { claimSearchSchema } from "@/lib/schemas/assist";
import { searchClaims } from "@/lib/server/assist/search-claims";

export const GET = withUser(async ({ req, viewer }) => searchClaims(await viewer(), readQuery(req, claimSearchSchema)));
