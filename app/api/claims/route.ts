import { readQuery, withUser } from "@/lib/api/handler";
import { claimSearchSchema } from "@/lib/schemas/assist";
import { searchClaims } from "@/lib/server/assist/search-claims";

export const GET = withUser(({ req, user }) => searchClaims(user, readQuery(req, claimSearchSchema)));
