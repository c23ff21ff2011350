import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, errorMessage } from "../../api/client";
import { SelectField, TextField } from "../../components/field";
import { FormAlert, StatusMessage } from "../../components/form-alert";
import { QueryStatus } from "../../components/query-status";
import type { ProfileView, UpdateProfileBody } from "../../../common/schemas/accounts";
import { schedulingKeys, useProfile } from "./scheduling-api";

function NcrcFields({ profile }: { profile: ProfileView }) {
  const [level, setLevel] = useState(profile.ncrcLevel ?? "none");
  const [number, setNumber] = useState(profile.ncrcNumber ?? "");
  const [state, setState] = useState(profile.state ?? "");
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      api.put<ProfileView>("/api/v1/me/profile", {
        ncrcLevel: level === "none" ? null : level,
        ncrcNumber: number.trim() || null,
        state: state.trim() ? state.trim().toUpperCase() : null,
      } satisfies UpdateProfileBody),
    onSuccess: (data) => queryClient.setQueryData(schedulingKeys.profile, data),
  });
  const advice = (save.data ?? profile).ncrcAdvice;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="ncrc-heading">
      <h2 id="ncrc-heading">National Career Readiness Certificate</h2>
      <p>A Silver NCRC or higher is strongly encouraged before MT1 testing. It never stops you registering.</p>
      <StatusMessage>{save.isSuccess ? "Your NCRC details have been saved." : null}</StatusMessage>
      <FormAlert>{save.isError ? errorMessage(save.error) : null}</FormAlert>
      {advice ? (
        <div className="notice notice--info" role="status">
          {advice}
        </div>
      ) : null}
      <SelectField label="NCRC level" name="ncrcLevel" value={level} onChange={(e) => setLevel(e.target.value)}>
        <option value="none">No NCRC yet</option>
        {profile.ncrcLevels.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </SelectField>
      <TextField
        label="NCRC certificate number"
        name="ncrcNumber"
        optional
        autoComplete="off"
        hint="Letters, digits and dashes."
        pattern="[A-Za-z0-9\-]+"
        maxLength={40}
        value={number}
        onChange={(e) => setNumber(e.target.value)}
      />
      <TextField
        label="Home state"
        name="state"
        optional
        autoComplete="address-level1"
        hint="Two letters, for example VA."
        pattern="[A-Za-z]{2}"
        maxLength={2}
        value={state}
        onChange={(e) => setState(e.target.value)}
      />
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save NCRC details"}
      </button>
    </form>
  );
}

export function NcrcSection() {
  const profile = useProfile();
  return (
    <QueryStatus query={profile} loadingLabel="Loading your NCRC details…">
      {(data) => <NcrcFields profile={data} />}
    </QueryStatus>
  );
}
