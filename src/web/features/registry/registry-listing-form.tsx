import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { ErrorSummary } from "../../components/error-summary";
import { StatusMessage } from "../../components/form-alert";
import { QueryStatus } from "../../components/query-status";
import type { ProfileView, UpdateProfileBody } from "../../../common/schemas/accounts";
import { useFormErrors } from "../../lib/form-errors";
import { schedulingKeys, useProfile } from "../registration/scheduling-api";

function ListingFields({ profile }: { profile: ProfileView }) {
  const [listed, setListed] = useState(profile.registryListed);
  const errors = useFormErrors("registry-listing", { registryListed: "List me in the registry search by name and state" });
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: UpdateProfileBody) => api.put<ProfileView>("/api/v1/me/profile", body),
    onSuccess: (data) => queryClient.setQueryData(schedulingKeys.profile, data),
    onError: errors.showError,
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.clear();
    save.mutate({ registryListed: listed });
  }
  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="registry-listing-heading" noValidate>
      <h2 id="registry-listing-heading">National registry</h2>
      <p>
        Anyone with one of your certificate numbers can check it in the registry. You decide whether people can also find you there by
        name{profile.state ? ` and state (${profile.state})` : " and state"}.
      </p>
      <StatusMessage>{save.isSuccess ? (save.data.registryListed ? "You are listed in the registry search." : "You are not listed in the registry search.") : null}</StatusMessage>
      <ErrorSummary errors={errors} />
      <label className="choice">
        <input type="checkbox" name="registryListed" id={errors.fieldId("registryListed")} checked={listed} onChange={(e) => setListed(e.target.checked)} />
        <span>List me in the registry search by name and state</span>
      </label>
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save registry choice"}
      </button>
    </form>
  );
}

// The candidate's privacy choice for the public registry's name search (off until they opt in).
export function RegistryListingSection() {
  const profile = useProfile();
  return (
    <QueryStatus query={profile} loadingLabel="Loading your registry choice…">
      {(data) => <ListingFields profile={data} />}
    </QueryStatus>
  );
}
