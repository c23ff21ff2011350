import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, errorMessage } from "../../api/client";
import type { UserView as User } from "../../../common/schemas/accounts";
import type { UpdateMeBody, UserEnvelope } from "../../../common/schemas/accounts";
import { TextField } from "../../components/field";
import { FormAlert, StatusMessage } from "../../components/form-alert";
import { hasRole, meKey } from "../auth/auth-queries";
import { RegistryListingSection } from "../registry/registry-listing-form";

export function ProfileForm({ user }: { user: User }) {
  const [firstName, setFirstName] = useState(user.firstName);
  const [lastName, setLastName] = useState(user.lastName);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (input: UpdateMeBody) => api.patch<UserEnvelope>("/api/v1/me", input),
    onSuccess: (data) => queryClient.setQueryData(meKey, data.user),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({ firstName: firstName.trim(), lastName: lastName.trim() });
  }

  return (
    <>
      <form className="form form--card" onSubmit={onSubmit} aria-labelledby="profile-heading">
        <h2 id="profile-heading">Your name</h2>
        <StatusMessage>{save.isSuccess ? "Your name has been saved." : null}</StatusMessage>
        <FormAlert>{save.isError ? errorMessage(save.error) : null}</FormAlert>
        <TextField label="First name" name="firstName" autoComplete="given-name" value={firstName} onChange={(e) => setFirstName(e.target.value)} />
        <TextField label="Last name" name="lastName" autoComplete="family-name" value={lastName} onChange={(e) => setLastName(e.target.value)} />
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save name"}
        </button>
      </form>
      {/* Certificate holders choose here whether the public registry search may find them by name. */}
      {hasRole(user, "candidate") ? <RegistryListingSection /> : null}
    </>
  );
}
