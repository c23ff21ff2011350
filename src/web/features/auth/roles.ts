// The roles' names as people read them: one list, shared with the server's emails and documents.
export { ROLE_LABELS } from "../../../common/roles";
