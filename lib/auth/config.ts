import "server-only";
import NextAuth from "next-auth";
import { getDb } from "@/db/client";
import type { Role } from "@/db/schema";
import { markAccountUsed } from "@/lib/comments/signing";
import { env, trustsHost } from "@/lib/env";
import { isSuspended } from "@/lib/policy";
import { securityEvent } from "@/lib/log";
import { marqueeAdapter } from "./adapter";
import { authLogger } from "./log";
import { buildProviders } from "./providers";
import { sameOriginRedirect } from "./redirect";
import { resolveAuthSecret } from "./secret";
import { SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "./session-cookie";

/** The member fields the session carries, read in the same query as the session. */
export interface SessionMember {
  id: string;
  handle: string;
  name: string | null;
  image: string | null;
  role: Role;
  suspendedAt: Date | null;
  suspendedUntil: Date | null;
  suspensionReason: string | null;
}

export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const config = env();
  const { providers } = buildProviders(config);
  return {
    adapter: marqueeAdapter(await getDb()),
    providers,
    secret: resolveAuthSecret(config),
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
    // AUTH_URL names the site, so its host is trusted; only without it does AUTH_TRUST_HOST decide.
    trustHost: trustsHost(config),
    pages: { signIn: "/signin", error: "/signin" },
    logger: authLogger,
    events: {
      // The account a member signs in with (or links) signs their comments from then on.
      async signIn({ user, account, isNewUser }) {
        securityEvent("auth.sign_in", {
          actor: user.id ?? null,
          outcome: "success",
          provider: account?.provider ?? null,
          newMember: isNewUser ?? false,
        });
        if (account) await markAccountUsed(account.provider, account.providerAccountId);
      },
      signOut(message) {
        const actor = "session" in message ? (message.session?.userId ?? null) : (message.token?.sub ?? null);
        securityEvent("auth.sign_out", { actor, outcome: "success" });
      },
    },
    callbacks: {
      // Only ever back to our own origin, whatever `callbackUrl` says.
      redirect: sameOriginRedirect,
      // Only what pages need. /api/auth/session answers page scripts, so the
      // session token (an HttpOnly cookie) and the member's email stay out.
      session({ session, user }) {
        const member = user as unknown as SessionMember;
        return {
          expires: session.expires,
          member: {
            id: member.id,
            handle: member.handle,
            name: member.name,
            image: member.image,
            role: member.role,
            // A suspension whose end has passed is over (lib/policy's isSuspended).
            suspendedAt: isSuspended(member) ? member.suspendedAt : null,
          },
        };
      },
    },
  };
});
