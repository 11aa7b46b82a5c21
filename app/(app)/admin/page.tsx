// Administration: grant and revoke the teacher role, with the record of recent role changes.
import { RoleForm } from "@/components/admin/RoleForm";
import { one, type SearchParams } from "@/components/teaching/Notice";
import { requireRole } from "@/lib/server/session";
import { listAccounts, listRoleChanges } from "@/lib/server/users/roles";

export const metadata = { title: "Administration" };

export default async function AdminPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireRole("admin", "/admin");
  const query = one((await searchParams).q).slice(0, 254);
  const [accounts, changes] = await Promise.all([listAccounts({ actor, query }), listRoleChanges({ actor })]);
  return (
    <section>
      <h1>Administration</h1>
      <p className="lead">
        Teacher accounts are granted here, never taken at sign-up. Find an account by email or name.
      </p>
      <form role="search" className="inline-form" method="get">
        <div className="field">
          <label htmlFor="admin-q">Email or name</label>
          <input id="admin-q" name="q" defaultValue={query} maxLength={254} />
        </div>
        <button type="submit" className="button">
          Find
        </button>
      </form>
      <h2>{query ? `Accounts matching “${query}”` : "Teachers and administrators"}</h2>
      {accounts.length === 0 ? (
        <p className="muted" data-testid="no-accounts">
          No account matches.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" aria-label="Accounts">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Role</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id}>
                  <td>
                    {a.displayName}
                    <br />
                    <span className="muted">{a.email}</span>
                  </td>
                  <td>{a.role}</td>
                  <td>
                    {a.id === actor.id ? (
                      <span className="muted">You</span>
                    ) : (
                      <RoleForm userId={a.id} email={a.email} role={a.role} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Recent role changes</h2>
      {changes.length === 0 ? (
        <p className="muted">No role has been changed yet.</p>
      ) : (
        <ul className="plain-list" aria-label="Recent role changes">
          {changes.map((c) => (
            <li key={c.id}>
              {c.at.toISOString().slice(0, 16).replace("T", " ")} UTC: {c.email} from {c.fromRole} to{" "}
              {c.toRole}, by {c.by}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
