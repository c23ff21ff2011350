import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import type { ApiTokenView, RevokedApiTokenView } from "../../../common/schemas/accounts";
import { api, errorMessage } from "../../api/client";
import { FormAlert } from "../../components/form-alert";
import { Dialog, DialogActions } from "../proctor-console/dialog";
import { staffKeys } from "./staff-keys";

// Revoking cannot be undone and breaks the integrations using the token: say so, and start on Cancel.
interface Props {
  token: ApiTokenView;
  onClose: () => void;
  onRevoked: (message: string) => void;
  /** Where focus goes once the Revoke button that opened the dialog is gone. */
  fallbackFocus: () => HTMLElement | null;
}

export function RevokeTokenDialog({ token, onClose, onRevoked, fallbackFocus }: Props) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => api.post<RevokedApiTokenView>(`/api/v1/admin/api-tokens/${encodeURIComponent(token.id)}/revoke`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: staffKeys.apiTokens });
      onRevoked(`The token “${token.name}” is revoked.`);
      onClose();
    },
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    revoke.mutate();
  }
  return (
    <Dialog title={`Revoke the token “${token.name}”?`} onClose={onClose} tone="danger" fallbackFocus={fallbackFocus}>
      <form onSubmit={onSubmit}>
        <p>
          Integrations using it as {token.userEmail} stop working at once. A revoked token cannot be used again: create a new one if the integration
          still needs access.
        </p>
        <FormAlert>{revoke.isError ? errorMessage(revoke.error) : null}</FormAlert>
        <DialogActions submitLabel="Revoke token" busy={revoke.isPending} onCancel={onClose} danger focusCancel />
      </form>
    </Dialog>
  );
}
