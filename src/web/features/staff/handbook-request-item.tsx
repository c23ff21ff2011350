// What the handbook requests table shows under a request when it is opened: the details that do
// not fit a column (address, message, the fulfilment) and, for an open request, the fulfil form.
import type { HandbookRequestView } from "../../../common/schemas/handbook";
import { formatDateTime } from "../../lib/format";
import { FulfilForm } from "./fulfil-form";

interface Props {
  request: HandbookRequestView;
  columns: number;
  fulfilling: boolean;
  onFulfilled: (updated: HandbookRequestView) => void;
  onCancel: () => void;
}

export function HandbookRequestDetails({ request, columns, fulfilling, onFulfilled, onCancel }: Props) {
  const fulfilled = request.status === "fulfilled";
  return (
    <tr className="edit-row">
      <td colSpan={columns}>
        <dl className="details-list">
          {request.mailingAddress ? (
            <>
              <dt>Mailing address</dt>
              <dd className="pre-line">{request.mailingAddress}</dd>
            </>
          ) : null}
          <dt>Message</dt>
          <dd className="pre-line">{request.message || "—"}</dd>
          {fulfilled ? (
            <>
              <dt>Fulfilled</dt>
              <dd>
                {formatDateTime(request.fulfilledAt)}
                {request.fulfilledByName ? ` by ${request.fulfilledByName}` : ""}
              </dd>
              <dt>Note</dt>
              <dd className="pre-line">{request.fulfilmentNote || "—"}</dd>
            </>
          ) : null}
        </dl>
        {fulfilling && !fulfilled ? <FulfilForm request={request} onDone={onFulfilled} onCancel={onCancel} /> : null}
      </td>
    </tr>
  );
}
