import { Link } from "react-router";
import { Page } from "../../components/page";
import { ItemEditor } from "../../features/item-bank/item-editor";
import "../../styles/item-bank.css";

export function ItemNewPage() {
  return (
    <Page title="New item" wide lead="Start from a template or paste QTI 3.0 XML. New items are drafts until another staff member approves them.">
      <p>
        <Link to="/staff/items">Back to the item bank</Link>
      </p>
      <ItemEditor />
    </Page>
  );
}
