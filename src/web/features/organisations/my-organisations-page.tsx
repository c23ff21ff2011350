// My organisations (/organisations): the employers and colleges I belong to, with my role in each.
import { Link } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { Page } from "../../components/page";
import type { MyOrganisationView } from "../../../common/schemas/organisations";
import { useMyOrganisations } from "./organisations-api";

export const KIND_LABELS = { employer: "Employer", college: "College" } as const;
export const ROLE_LABELS = { owner: "Owner", member: "Member" } as const;

export function MyOrganisationsPage() {
  const mine = useMyOrganisations();
  const columns: Column<MyOrganisationView>[] = [
    { id: "name", header: "Organisation", rowHeader: true, sortValue: (o) => o.organisation.name, cell: (o) => <Link to={`/organisations/${o.organisation.id}`}>{o.organisation.name}</Link> },
    { id: "kind", header: "Kind", sortValue: (o) => o.organisation.kind, cell: (o) => KIND_LABELS[o.organisation.kind] },
    { id: "role", header: "Your role", sortValue: (o) => o.role, cell: (o) => ROLE_LABELS[o.role] },
  ];
  return (
    <Page title="Your organisations" lead="The employers and colleges you belong to. Program staff invite an organisation's first owner; owners invite colleagues.">
      <DataTable caption="Your organisations and your role in each" columns={columns} rows={mine.data?.items ?? []} rowKey={(o) => o.organisation.id} status={mine}
        empty="You do not belong to an organisation yet. An owner of one can invite you by email." />
    </Page>
  );
}
