import { Page } from "../components/page";
import { HandbookForm } from "../features/handbook/handbook-form";

export function HandbookPage() {
  return (
    <Page
      title="Request the MT1 Handbook"
      lead="The Manufacturing Technician Level 1 Assessment, Training & Certification Handbook describes the assessment, the training and the certifications in full. Ask for a copy in writing with this form."
    >
      <HandbookForm />
    </Page>
  );
}
