// Web-only helpers over the shared schemas, and the aliases a few files still import by their old
// names. New code imports the schemas' own types from src/common/schemas/<module>.ts directly; the
// aliases below go as the files that use them (the sessions, audit, centers-admin, results, dashboard,
// registration, test-delivery and proctor-console screens, rewritten in parallel) switch over.
import type { Static } from "typebox";
import type { ErrorBody, PageOf } from "../../common/schemas/common";

/** A page of a list: the static type of `PageOf(item)` for items of type T. */
export type Page<T> = Omit<Static<ReturnType<typeof PageOf>>, "items"> & { items: T[] };

export type ApiErrorBody = Static<typeof ErrorBody>;

export type { UserView as User } from "../../common/schemas/accounts";
export type { ProgramView as Program } from "../../common/schemas/program";
export type { CenterView as Center } from "../../common/schemas/centers";
export type { PublicSessionView as TestSession } from "../../common/schemas/scheduling";
export type { AuditEntryView as AuditEntry } from "../../common/schemas/audit";
export type { ChoiceOption, Interaction, ItemPresentation, PresentationNode } from "../../common/items/presentation";
export type { CandidateResponse } from "../../common/qti/scoring";
export type { CandidateItemView as CandidateItem } from "../../common/schemas/item-bank";
