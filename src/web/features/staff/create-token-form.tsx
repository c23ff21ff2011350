import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, errorMessage } from "../../api/client";
import type { CreatedApiToken, User } from "../../api/types";
import { TextField } from "../../components/field";
import { FormAlert } from "../../components/form-alert";
import { staffKeys } from "./staff-keys";
import { TokenReveal } from "./token-reveal";
import { UserPicker } from "./user-picker";

export function CreateTokenForm() {
  const [name, setName] = useState("");
  const [user, setUser] = useState<User | null>(null);
  const [missingUser, setMissingUser] = useState(false);
  const [created, setCreated] = useState<(CreatedApiToken & { userEmail: string }) | null>(null);
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (input: { name: string; userId: string }) => api.post<CreatedApiToken>("/api/v1/admin/api-tokens", input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: staffKeys.apiTokens }),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!user) {
      setMissingUser(true);
      return;
    }
    setMissingUser(false);
    const owner = user;
    create.mutate(
      { name: name.trim(), userId: owner.id },
      {
        onSuccess: (data) => {
          setCreated({ ...data, userEmail: owner.email });
          setName("");
          setUser(null);
        },
      },
    );
  }

  return (
    <div className="stack">
      <TokenReveal created={created} onDismiss={() => setCreated(null)} />
      <form className="form form--card" onSubmit={onSubmit} aria-labelledby="create-token-heading">
        <h2 id="create-token-heading">Create a token</h2>
        <FormAlert>{missingUser ? "Choose the user the token belongs to." : create.isError ? errorMessage(create.error) : null}</FormAlert>
        <TextField
          label="Token name"
          name="name"
          hint="What the token is for, for example “Acme HR registry check”."
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <UserPicker
          value={user?.id ?? null}
          onChange={(picked) => {
            setUser(picked);
            if (picked) setMissingUser(false);
          }}
          error={missingUser ? "Choose a user." : undefined}
        />
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create token"}
        </button>
      </form>
    </div>
  );
}
