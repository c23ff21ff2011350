import { Link } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { HandbookRequestsPage } from "../../../common/schemas/handbook";
import { staffKeys } from "../staff/staff-keys";
import { AttentionPanel } from "./attention-panel";

function useOpenHandbookCount() {
  return useQuery({
    queryKey: [...staffKeys.handbookRequests, "count-open"],
    queryFn: ({ signal }) =>
      api.get<HandbookRequestsPage>("/api/v1/admin/handbook-requests", { status: "open", limit: 1 }, signal),
    // The server counts the open requests; the page itself is not needed.
    select: (page) => String(page.openCount),
  });
}

const LINKS = [
  { to: "/staff/sessions", title: "Sessions", text: "Every session at every center as a list or a calendar: schedule, edit or cancel." },
  { to: "/staff/items", title: "Item bank", text: "Find, write, review, import and export the MT1 items." },
  { to: "/staff/items/review-queue", title: "Item statistics", text: "Reliability per module, flagged items to review, technical reports." },
  { to: "/staff/psychometrics/forms", title: "Form comparability", text: "Items on one scale, and whether drawn forms are equally hard at the cut." },
  { to: "/staff/items/new", title: "New item", text: "Write an item from a template with a live candidate preview." },
  { to: "/staff/forms/preview", title: "Form preview", text: "Draw a whole form by the blueprint and see it as candidates do." },
  { to: "/staff/users", title: "Users", text: "Find people, create accounts, change roles, disable or enable." },
  { to: "/staff/outbox", title: "Outbox", text: "Emails the system has sent, with their links redacted." },
  { to: "/staff/api-tokens", title: "API tokens", text: "Tokens for integrations: create, show once, revoke." },
  { to: "/staff/audit", title: "Audit log", text: "Who changed what, and why." },
  { to: "/staff/accommodations", title: "Accommodation requests", text: "Review documentation and approve, partly approve or deny." },
  { to: "/staff/fees", title: "Fees and invoices", text: "Set the fee per module that prices registrations and vouchers." },
  { to: "/staff/invoices", title: "Invoices", text: "Numbered invoices: mark paid with a reference, void, download the PDF." },
  { to: "/staff/vouchers", title: "Voucher ledger", text: "Voucher batches, their buyers and invoices, and who used each code." },
  { to: "/staff/centers", title: "Centers and onsite testing", text: "Certify, suspend or reinstate centers; approve onsite events." },
  { to: "/staff/proctors", title: "Proctors", text: "Proctor training, agreements and certification periods." },
  // issue 13, training stream
  { to: "/staff/trainers", title: "Trainers", text: "MT1 Certified Trainers: certification, renewal and expiry." },
  { to: "/staff/courses", title: "Courses", text: "Instructor-led courses: schedule, rosters with attendance and completion, cancel." },
  // issue 14
  { to: "/staff/organisations", title: "Organisations", text: "Employers and partner colleges with their own users: create one and invite its first owner." },
  { to: "/staff/certifications", title: "Certifications", text: "Who expires when, and the sessions an expired certification no longer covers." },
  { to: "/staff/registry", title: "Registry and revocation", text: "Revoke or reinstate certificates, registry figures and the CSV export." },
  { to: "/staff/irregularities", title: "Irregularities", text: "Every session's incidents; hold, release or void results; decide appeals." },
  // issue 13, lab-records stream
  { to: "/staff/learning-records", title: "Learning records", text: "Learning record stores that receive xAPI statements, their deliveries, and Learning Lab use." },
  // issue 15: program analytics
  { to: "/staff/analytics", title: "Program analytics", text: "Pass rates by module, skill, center, period and accommodation status, retakes, time to MS and MT1; charts, tables and CSV." },
  // issue 14: colleges and advanced standing
  // issue 15, item 4
  { to: "/staff/standard-setting", title: "Standard setting", text: "Modified-Angoff studies: panelists, two rounds of ratings, impact data, the recommended cut and the decision." },
  { to: "/staff/advanced-standing", title: "Advanced standing", text: "Articulation agreements with partner colleges, holders' requests and revocation flags." },
];

export function StaffSection() {
  const openCount = useOpenHandbookCount();
  return (
    <section aria-labelledby="staff-heading">
      <h2 id="staff-heading">Program staff</h2>
      <h3>Needs attention</h3>
      <AttentionPanel />
      <h3>Staff pages</h3>
      <ul className="grid">
        <li className="card card--accent">
          <h3>
            <Link to="/staff/handbook-requests">Handbook requests</Link>
          </h3>
          {openCount.isPending ? (
            <p className="card__meta">Counting open requests…</p>
          ) : openCount.isError ? (
            <p className="card__meta">Could not count open requests: {openCount.error.message}</p>
          ) : (
            <p>
              <span className="card__count">{openCount.data}</span> open
            </p>
          )}
        </li>
        {LINKS.map((link) => (
          <li key={link.to} className="card">
            <h3>
              <Link to={link.to}>{link.title}</Link>
            </h3>
            <p>{link.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
