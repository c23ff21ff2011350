import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { User } from "../../api/types";
import type { UpdateMeBody, UserEnvelope } from "../../../common/schemas/accounts";
import { ErrorSummary } from "../../components/error-summary";
import { TextField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import { useFormErrors } from "../../lib/form-errors";
import { hasRole, meKey } from "../auth/auth-queries";
import { RegistryListingSection } from "../registry/registry-listing-form";

export function ProfileForm({ user }: { user: User }) {
  const [firstName, setFirstName] = useState(user.firstName);
  const [lastName, setLastName] = useState(user.lastName);
  const queryClient = useQueryClient();
  const errors = useFormErrors("profile", { firstName: "First name", lastName: "Last name" });
  const save = useMutation({
    mutationFn: (input: UpdateMeBody) => api.patch<UserEnvelope>("/api/v1/me", input),
    onSuccess: (data) => {
      errors.clear();
      queryClient.setQueryData(meKey, data.user);
    },
    onError: errors.showError,
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({ firstName: firstName.trim(), lastName: lastName.trim() });
  }

  return (
    <>
      <form className="form form--card" onSubmit={onSubmit} aria-labelledby="profile-heading" noValidate>
        <h2 id="profile-heading">Your name</h2>
        <StatusMessage>{save.isSuccess ? "Your name has been saved." : null}</StatusMessage>
        <ErrorSummary errors={errors} title="Your name was not saved" />
        <TextField label="First name" name="firstName" autoComplete="given-name" value={firstName} onChange={(e) => setFirstName(e.target.value)} id={errors.fieldId("firstName")} error={errors.errorFor("firstName")} />
        <TextField label="Last name" name="lastName" autoComplete="family-name" value={lastName} onChange={(e) => setLastName(e.target.value)} id={errors.fieldId("lastName")} error={errors.errorFor("lastName")} />
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save name"}
        </button>
      </form>
      {/* Certificate holders choose here whether the public registry search may find them by name. */}
      {hasRole(user, "candidate") ? <RegistryListingSection /> : null}
    </>
  );
}
