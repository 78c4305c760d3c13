import { handlers } from "@/lib/auth/config";
import { hideAccountNotLinked } from "@/lib/auth/sign-in-errors";

export const GET = hideAccountNotLinked(handlers.GET);
export const POST = hideAccountNotLinked(handlers.POST);
