// The site header: product name, navigation by role (a menu on a phone), theme switch and the account menu.
import Link from "next/link";
import { signOutAction } from "@/app/actions/auth";
import { MainNav } from "@/components/MainNav";
import { ThemeToggle } from "@/components/ThemeToggle";
import type { ActingUser } from "@/lib/server/users/user.types";

export function Header({ user }: { user: ActingUser | null }) {
  const isTeacher = user?.role === "teacher" || user?.role === "admin";
  return (
    <header className="site-header">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <Link href={user ? "/dashboard" : "/"} className="brand">
        <span aria-hidden="true" className="brand-mark">
          ∇
        </span>
        Gradient Drill
      </Link>
      {user ? (
        <MainNav>
          <>
            <Link href="/dashboard">Dashboard</Link>
            <Link href="/today">Today</Link>
            <Link href="/practice">Practice</Link>
            <Link href="/progress">Progress</Link>
            <Link href="/assignments">Assignments</Link>
            {isTeacher ? <Link href="/teacher">Teaching</Link> : null}
            {user.role === "admin" ? <Link href="/admin">Admin</Link> : null}
            <Link href="/settings">Settings</Link>
          </>
        </MainNav>
      ) : null}
      <div className="header-tools">
        <ThemeToggle />
        {user ? (
          <details className="account-menu">
            <summary aria-label={`Account menu for ${user.displayName}`} data-testid="account-menu">
              {user.displayName}
            </summary>
            <div className="menu" role="group" aria-label="Account">
              <p className="menu-note">
                {user.email}
                <br />
                {user.role === "teacher" ? "Teacher" : user.role === "admin" ? "Administrator" : "Learner"}
              </p>
              <Link href="/account">Account settings</Link>
              <form action={signOutAction}>
                <button type="submit" className="linklike">
                  Sign out
                </button>
              </form>
            </div>
          </details>
        ) : (
          <div className="auth-links">
            <Link href="/signin">Sign in</Link>
            <Link href="/signup" className="button primary small">
              Sign up
            </Link>
          </div>
        )}
      </div>
    </header>
  );
}
