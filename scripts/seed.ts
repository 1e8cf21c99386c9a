/** `npm run db:seed`: loads the demo desk into the database DATABASE_URL names. Idempotent. */
import { db } from "@/lib/db";
import { seedDemo } from "@/seeds/demo";

const { created } = await seedDemo(db);
console.log(created ? `Seeded ${created} demo records.` : "The demo desk is already there.");
await db.$disconnect();
